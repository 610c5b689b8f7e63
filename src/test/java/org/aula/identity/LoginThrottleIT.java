package org.aula.identity;

import java.util.Map;
import java.util.UUID;

import org.aula.identity.IdentityClient.Tokens;
import org.aula.testsupport.EmbeddedAulaTest;
import org.aula.testsupport.HttpApi.Response;
import org.aula.testsupport.RunningAula;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.aula.identity.IdentityClient.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default login limits. Client addresses are simulated with {@code X-Forwarded-For},
 * which Aula honours from a proxy on a trusted internal address such as the test's
 * loopback.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginThrottleIT {

	RunningAula aula;

	IdentityClient client;

	@BeforeAll
	void start() {
		this.aula = RunningAula.start(Map.of("spring.datasource.url",
				EmbeddedAulaTest.H2_URL.replace("${random.uuid}", UUID.randomUUID().toString()), "aula.demo.enabled",
				"false", "aula.identity.self-registration", "true"));
		this.client = new IdentityClient(this.aula);
	}

	@AfterAll
	void stop() {
		this.aula.close();
	}

	@Test
	void blocksTheSixthFailureFromOneAddressWithRetryAfter() {
		String email = unique("victim");
		this.client.newStudent(email, IdentityFlowsContract.PASSWORD);
		for (int i = 0; i < 5; i++) {
			assertThat(this.client.login(email, "wrong-" + i + "-password", "X-Forwarded-For", "203.0.113.7").status())
				.isEqualTo(401);
		}
		Response blocked = this.client.login(email, IdentityFlowsContract.PASSWORD, "X-Forwarded-For", "203.0.113.7");
		assertThat(blocked.status()).isEqualTo(429);
		assertThat(blocked.contentType()).startsWith("application/problem+json");
		assertThat(blocked.json().get("type").asString()).isEqualTo("urn:aula:problem:rate-limited");
		assertThat(Long.parseLong(blocked.header("Retry-After"))).isPositive();
		assertThat(blocked.header("RateLimit-Limit")).isEqualTo("5");
		assertThat(blocked.header("RateLimit-Remaining")).isEqualTo("0");

		Response owner = this.client.login(email, IdentityFlowsContract.PASSWORD, "X-Forwarded-For", "198.51.100.20");
		assertThat(owner.status()).as("the owner from another address").isEqualTo(200);
		assertThat(this.client.login(email, IdentityFlowsContract.PASSWORD, "X-Forwarded-For", "203.0.113.7").status())
			.as("a success elsewhere does not reset the attacker's count")
			.isEqualTo(429);
	}

	@Test
	void successfulLoginsDoNotCountAsFailures() {
		String email = unique("regular");
		this.client.newStudent(email, IdentityFlowsContract.PASSWORD);
		for (int i = 0; i < 8; i++) {
			Tokens tokens = this.client.signIn(email, IdentityFlowsContract.PASSWORD);
			assertThat(tokens.access()).isNotBlank();
		}
	}

	@Test
	void limitsAttemptsPerAddressAcrossAccounts() {
		int refusedEarly = 0;
		int refused = 0;
		for (int i = 0; i < 80; i++) {
			if (this.client.login(unique("spray"), "whatever-password", "X-Forwarded-For", "192.0.2.99")
				.status() == 429) {
				refused++;
				if (i < 45) {
					refusedEarly++;
				}
			}
		}
		// 50 a minute, refilled gradually: the first 45 pass, and most beyond 50 are
		// refused.
		assertThat(refusedEarly).isZero();
		assertThat(refused).isGreaterThanOrEqualTo(15);
	}

}
