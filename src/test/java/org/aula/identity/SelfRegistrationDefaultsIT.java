package org.aula.identity;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.aula.testsupport.EmbeddedAulaTest;
import org.aula.testsupport.HttpApi.Response;
import org.aula.testsupport.RequiresPostgres;
import org.aula.testsupport.RequiresRedis;
import org.aula.testsupport.RunningAula;
import org.junit.jupiter.api.Test;

import static org.aula.identity.IdentityClient.json;
import static org.aula.identity.IdentityClient.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Self-registration is open by default in the embedded demo mode and closed in
 * production.
 */
@RequiresPostgres
@RequiresRedis
class SelfRegistrationDefaultsIT {

	@Test
	void openInTheEmbeddedMode() {
		try (RunningAula aula = RunningAula.start(Map.of("spring.datasource.url",
				EmbeddedAulaTest.H2_URL.replace("${random.uuid}", UUID.randomUUID().toString())))) {
			assertThat(register(new IdentityClient(aula)).status()).isEqualTo(201);
		}
	}

	@Test
	void closedInTheSharedModeUnlessEnabled() {
		try (RunningAula aula = RunningAula.start(RunningAula.sharedServices())) {
			Response refused = register(new IdentityClient(aula));
			assertThat(refused.status()).isEqualTo(403);
			assertThat(refused.json().get("type").asString()).isEqualTo("urn:aula:problem:self-registration-disabled");
		}
		Map<String, String> enabled = new HashMap<>(RunningAula.sharedServices());
		enabled.put("aula.identity.self-registration", "true");
		try (RunningAula aula = RunningAula.start(enabled)) {
			assertThat(register(new IdentityClient(aula)).status()).isEqualTo(201);
		}
	}

	private static Response register(IdentityClient client) {
		return client.http.postJson("/api/auth/register", "{\"email\":%s,\"password\":%s,\"fullName\":\"New Person\"}"
			.formatted(json(unique("new")), json(IdentityFlowsContract.PASSWORD)));
	}

}
