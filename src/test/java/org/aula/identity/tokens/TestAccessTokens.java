package org.aula.identity.tokens;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.OctetSequenceKey;

/**
 * Issues tokens the way the application does, for tests outside this package that know
 * only the configured secret.
 */
public final class TestAccessTokens {

	private TestAccessTokens() {
	}

	/**
	 * An issuer signing like an application configured with
	 * {@code aula.tokens.jwt-secret} set to {@code secret} and the default issuer and
	 * lifetime.
	 */
	public static AccessTokens signedWith(String secret) {
		SigningKeys keys = SigningKeys.of(JWSAlgorithm.HS256,
				new OctetSequenceKey.Builder(secret.getBytes(StandardCharsets.UTF_8)).build(), List.of());
		return new AccessTokens(keys, "aula", Duration.ofMinutes(15), Clock.systemUTC());
	}

}
