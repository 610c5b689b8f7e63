package org.aula.platform.health;

import org.aula.testsupport.EmbeddedAulaTest;
import org.aula.testsupport.HttpApi;
import org.aula.testsupport.HttpApi.Response;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redis is configured, so every adapter defaults to it, but nothing listens on its port:
 * the instance starts anyway, stays ready (degraded, saying which dependency is missing)
 * so the load balancer keeps it, and serves requests on its local fallbacks.
 */
@EmbeddedAulaTest
@TestPropertySource(properties = "aula.redis.url=redis://127.0.0.1:1")
class ReadinessIT {

	@LocalServerPort
	int port;

	@Test
	void readyButDegradedWhenConfiguredRedisIsUnreachable() {
		Response response = new HttpApi(this.port).get("/api/ready");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("status").asString()).isEqualTo("DEGRADED");
		assertThat(response.json().get("checks").get("redis").asString()).isEqualTo("DEGRADED");
		assertThat(response.json().get("checks").get("database").asString()).isEqualTo("UP");
	}

	@Test
	void stillAliveWhenConfiguredRedisIsUnreachable() {
		Response response = new HttpApi(this.port).get("/api/health");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("status").asString()).isEqualTo("UP");
	}

	@Test
	void kubernetesReadinessGroupAgrees() {
		HttpApi http = new HttpApi(this.port);
		assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(200);
		assertThat(http.get("/actuator/health/liveness").status()).isEqualTo(200);
	}

	@Test
	void servesRequestsWhileRedisIsUnreachable() {
		HttpApi http = new HttpApi(this.port);
		for (int i = 0; i < 50; i++) {
			assertThat(http.get("/api/health").status()).isEqualTo(200);
		}
		for (int i = 0; i < 20; i++) {
			Response limited = http.get("/api/test/limited");
			assertThat(limited.status()).isEqualTo(200);
			assertThat(limited.header("RateLimit-Limit")).isEqualTo("600");
		}
	}

}
