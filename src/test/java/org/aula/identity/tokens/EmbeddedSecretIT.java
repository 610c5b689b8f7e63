package org.aula.identity.tokens;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.aula.testsupport.EmbeddedAulaTest;
import org.aula.testsupport.RunningAula;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded mode with no key configured: Aula makes its own secret on the first start
 * and keeps it, so a token issued before a restart is still good after it.
 */
class EmbeddedSecretIT {

	@TempDir
	Path data;

	@Test
	void aTokenIssuedBeforeARestartIsAcceptedAfterIt() {
		Map<String, String> settings = Map.of("spring.datasource.url",
				EmbeddedAulaTest.H2_URL.replace("${random.uuid}", "embedded-secret-" + UUID.randomUUID()),
				"aula.tokens.jwt-secret", "", "aula.tokens.key-directory", this.data.toString());
		String token;
		try (RunningAula first = RunningAula.start(settings)) {
			token = first.bean(AccessTokens.class).issue(UUID.randomUUID(), "ADMIN", UUID.randomUUID()).value();
			assertThat(admin(first, token)).isEqualTo(200);
		}
		assertThat(Files.exists(this.data.resolve("jwt-secret"))).isTrue();

		try (RunningAula second = RunningAula.start(settings)) {
			assertThat(admin(second, token)).isEqualTo(200);
		}
	}

	private static int admin(RunningAula aula, String token) {
		return aula.http().get("/api/test/admin", "Authorization", "Bearer " + token).status();
	}

}
