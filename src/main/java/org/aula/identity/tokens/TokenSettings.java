package org.aula.identity.tokens;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How access tokens are signed and how long they live. Configure either an HMAC secret or
 * a PEM key pair, never both; the previous secret or public key is accepted (never used
 * to sign) so tokens issued before a key rotation keep working until they expire. The
 * revocation store, {@code aula.tokens.revocation-store}, shares this prefix but is
 * resolved by the platform.
 *
 * @param accessTokenTtl how long an access token is valid
 * @param issuer the {@code iss} claim written and required
 * @param jwtSecret HMAC (HS256) secret, at least 32 bytes as UTF-8
 * @param jwtPreviousSecret the HMAC secret before the last rotation
 * @param jwtPrivateKeyFile PKCS#8 PEM private key, EC P-256 (ES256) or RSA of 2048 bits
 * or more (RS256)
 * @param jwtPublicKeyFile the matching X.509 PEM public key
 * @param jwtPreviousPublicKeyFile the public key before the last rotation
 * @param keyDirectory where the embedded mode keeps the secret it generates
 */
@ConfigurationProperties("aula.tokens")
record TokenSettings(@DefaultValue("15m") Duration accessTokenTtl, @DefaultValue("aula") String issuer,
		@Nullable String jwtSecret, @Nullable String jwtPreviousSecret, @Nullable Path jwtPrivateKeyFile,
		@Nullable Path jwtPublicKeyFile, @Nullable Path jwtPreviousPublicKeyFile,
		@DefaultValue("./data") Path keyDirectory) {

	TokenSettings {
		if (accessTokenTtl.isNegative() || accessTokenTtl.isZero()
				|| accessTokenTtl.compareTo(Duration.ofDays(1)) > 0) {
			throw new IllegalArgumentException(
					"aula.tokens.access-token-ttl (AULA_ACCESS_TOKEN_TTL) must be positive and at most 1d, not "
							+ accessTokenTtl);
		}
		if (issuer.isBlank()) {
			throw new IllegalArgumentException("aula.tokens.issuer must not be blank");
		}
		jwtSecret = blankToNull(jwtSecret);
		jwtPreviousSecret = blankToNull(jwtPreviousSecret);
		jwtPrivateKeyFile = blankToNull(jwtPrivateKeyFile);
		jwtPublicKeyFile = blankToNull(jwtPublicKeyFile);
		jwtPreviousPublicKeyFile = blankToNull(jwtPreviousPublicKeyFile);
	}

	/** Names which settings are present without ever printing a secret. */
	@Override
	public String toString() {
		return "TokenSettings[accessTokenTtl=%s, issuer=%s, jwtSecret=%s, jwtPreviousSecret=%s, jwtPrivateKeyFile=%s, "
			.formatted(this.accessTokenTtl, this.issuer, (this.jwtSecret != null) ? "(set)" : null,
					(this.jwtPreviousSecret != null) ? "(set)" : null, this.jwtPrivateKeyFile)
				+ "jwtPublicKeyFile=%s, jwtPreviousPublicKeyFile=%s, keyDirectory=%s]".formatted(this.jwtPublicKeyFile,
						this.jwtPreviousPublicKeyFile, this.keyDirectory);
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	private static @Nullable Path blankToNull(@Nullable Path value) {
		return (value == null || value.toString().isBlank()) ? null : value;
	}

}
