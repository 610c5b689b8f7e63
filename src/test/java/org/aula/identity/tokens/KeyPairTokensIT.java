package org.aula.identity.tokens;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.SignedJWT;
import org.aula.identity.tokens.HandMadeTokens.PemFiles;
import org.aula.testsupport.EmbeddedAulaTest;
import org.aula.testsupport.HttpApi.Response;
import org.aula.testsupport.RunningAula;
import org.aula.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.aula.identity.tokens.AccessTokenVerificationIT.assertUnauthorized;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Aula configured as an operator would with an RS256 key pair in PEM files (and the key
 * pair before a rotation) through the documented environment variables.
 */
class KeyPairTokensIT {

	@TempDir
	Path keys;

	@Test
	void signsWithTheKeyPairAcceptsThePreviousKeyAndRefusesAnHs256TokenMadeFromThePublicKey() throws Exception {
		PemFiles current = HandMadeTokens.writePem(HandMadeTokens.rsaKeyPair(2048), this.keys, "current");
		PemFiles previous = HandMadeTokens.writePem(HandMadeTokens.rsaKeyPair(2048), this.keys, "previous");
		SigningKeys before = SigningKeyLoader.load(new TokenSettings(Duration.ofMinutes(15), "aula", null, null,
				previous.privateKey(), previous.publicKey(), null, this.keys), false);

		try (RunningAula aula = RunningAula.start(Map.of("spring.datasource.url",
				EmbeddedAulaTest.H2_URL.replace("${random.uuid}", "key-pair-" + UUID.randomUUID()),
				"AULA_JWT_PRIVATE_KEY_FILE", current.privateKey().toString(), "AULA_JWT_PUBLIC_KEY_FILE",
				current.publicKey().toString(), "AULA_JWT_PREVIOUS_PUBLIC_KEY_FILE",
				previous.publicKey().toString()))) {
			AccessToken issued = aula.bean(AccessTokens.class).issue(UUID.randomUUID(), "ADMIN", UUID.randomUUID());
			String fromBeforeTheRotation = new AccessTokens(before, "aula", Duration.ofMinutes(5), Clock.systemUTC())
				.issue(UUID.randomUUID(), "ADMIN", UUID.randomUUID())
				.value();
			String kid = SignedJWT.parse(issued.value()).getHeader().getKeyID();
			byte[] publicKey = Files.readAllBytes(current.publicKey());
			String hs256WithPublicKey = HandMadeTokens.sign(HandMadeTokens.header(JWSAlgorithm.HS256, kid).build(),
					HandMadeTokens.validClaims().build(), new MACSigner(publicKey));

			assertThat(SignedJWT.parse(issued.value()).getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
			assertThat(admin(aula, issued.value()).status()).isEqualTo(200);
			assertThat(admin(aula, fromBeforeTheRotation).status()).isEqualTo(200);
			assertUnauthorized(admin(aula, hs256WithPublicKey));
			assertUnauthorized(admin(aula, TestTokens.accessToken("ADMIN")));
		}
	}

	private static Response admin(RunningAula aula, String token) {
		return aula.http().get("/api/test/admin", "Authorization", "Bearer " + token);
	}

}
