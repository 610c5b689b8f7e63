package org.aula.platform.ratelimit;

import org.aula.testsupport.EmbeddedAulaTest;
import org.aula.testsupport.HttpApi;
import org.aula.testsupport.HttpApi.Response;
import org.aula.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@EmbeddedAulaTest
@TestPropertySource(properties = { "aula.ratelimit.rules[0].name=probe",
		"aula.ratelimit.rules[0].paths[0]=/api/test/limited", "aula.ratelimit.rules[0].capacity=3",
		"aula.ratelimit.rules[0].period=1h", "aula.ratelimit.rules[1].name=api",
		"aula.ratelimit.rules[1].paths[0]=/api/**", "aula.ratelimit.rules[1].capacity=1000" })
class ApiRateLimitIT {

	@LocalServerPort
	int port;

	HttpApi http;

	@BeforeEach
	void connect() {
		this.http = new HttpApi(this.port);
	}

	@Test
	void refusesUserBeyondLimitWithRetryAfter() {
		String token = "Bearer " + TestTokens.accessToken("STUDENT");
		for (int i = 3; i > 0; i--) {
			Response allowed = this.http.get("/api/test/limited", "Authorization", token);
			assertThat(allowed.status()).isEqualTo(200);
			assertThat(allowed.header("RateLimit-Limit")).isEqualTo("3");
			assertThat(allowed.header("RateLimit-Remaining")).isEqualTo(String.valueOf(i - 1));
		}
		Response refused = this.http.get("/api/test/limited", "Authorization", token);
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.json().get("type").asString()).isEqualTo("urn:aula:problem:rate-limited");
		assertThat(refused.json().get("requestId").asString()).isEqualTo(refused.header("X-Request-Id"));
		assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
		assertThat(refused.header("RateLimit-Remaining")).isEqualTo("0");
		assertThat(Long.parseLong(refused.header("RateLimit-Reset"))).isPositive();
	}

	@Test
	void countsEachUserSeparately() {
		String first = "Bearer " + TestTokens.accessToken("STUDENT");
		for (int i = 0; i < 3; i++) {
			this.http.get("/api/test/limited", "Authorization", first);
		}
		assertThat(this.http.get("/api/test/limited", "Authorization", first).status()).isEqualTo(429);
		String second = "Bearer " + TestTokens.accessToken("STUDENT");
		assertThat(this.http.get("/api/test/limited", "Authorization", second).status()).isEqualTo(200);
	}

	@Test
	void routeGroupsHaveSeparateBuckets() {
		String token = "Bearer " + TestTokens.accessToken("ADMIN");
		for (int i = 0; i < 3; i++) {
			this.http.get("/api/test/limited", "Authorization", token);
		}
		Response other = this.http.get("/api/test/admin", "Authorization", token);
		assertThat(other.status()).isEqualTo(200);
		assertThat(other.header("RateLimit-Limit")).isEqualTo("1000");
	}

	@Test
	void neverLimitsProbes() {
		for (int i = 0; i < 5; i++) {
			Response health = this.http.get("/api/health");
			assertThat(health.status()).isEqualTo(200);
			assertThat(health.header("RateLimit-Limit")).isNull();
		}
	}

}
