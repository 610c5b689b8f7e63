package org.aula.platform.health;

import org.aula.testsupport.EmbeddedAulaTest;
import org.aula.testsupport.HttpApi;
import org.aula.testsupport.HttpApi.Response;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@EmbeddedAulaTest
class EmbeddedReadinessIT {

	@LocalServerPort
	int port;

	@Test
	void readyWithoutRedisWhenNoneIsConfigured() {
		Response response = new HttpApi(this.port).get("/api/ready");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("checks").has("redis")).isFalse();
		assertThat(response.json().get("checks").get("database").asString()).isEqualTo("UP");
	}

	@Test
	void livenessIsPlainUp() {
		Response response = new HttpApi(this.port).get("/api/health");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("{\"status\":\"UP\"}");
	}

}
