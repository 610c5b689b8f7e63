package org.aula.identity.tokens;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Objects;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Issues access tokens: JWTs signed with the current key that any instance verifies
 * without a session. Header {@code typ: at+jwt} (RFC 9068) and {@code kid}; claims
 * {@code iss}, {@code sub} (the user id), {@code role}, {@code jti} (random), {@code fid}
 * (the refresh-token family), {@code iat} and {@code exp}.
 */
public final class AccessTokens {

	/** The {@code typ} every access token carries and verification requires. */
	static final JOSEObjectType TYPE = new JOSEObjectType("at+jwt");

	static final String ROLE = "role";

	static final String FAMILY = "fid";

	private final SigningKeys keys;

	private final String issuer;

	private final Duration timeToLive;

	private final Clock clock;

	AccessTokens(SigningKeys keys, String issuer, Duration timeToLive, Clock clock) {
		this.keys = keys;
		this.issuer = issuer;
		this.timeToLive = timeToLive;
		this.clock = clock;
	}

	/**
	 * Signs a new access token valid from now for {@link #timeToLive()}.
	 * @param userId the user the token speaks for, never {@code null}
	 * @param role the user's role (e.g. {@code ADMIN}), never blank
	 * @param familyId the refresh-token family of the login, never {@code null}
	 * @return the token with a fresh random {@code jti}
	 * @throws IllegalArgumentException if the role is blank
	 */
	public AccessToken issue(UUID userId, String role, UUID familyId) {
		Objects.requireNonNull(userId, "userId");
		Objects.requireNonNull(familyId, "familyId");
		if (role == null || role.isBlank()) {
			throw new IllegalArgumentException("An access token needs a role");
		}
		// JWT times are whole seconds; the returned instants match what the token says
		Instant issuedAt = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
		Instant expiresAt = issuedAt.plus(this.timeToLive);
		String tokenId = UUID.randomUUID().toString();
		JWSHeader header = new JWSHeader.Builder(this.keys.algorithm()).type(TYPE)
			.keyID(this.keys.currentKeyId())
			.build();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(this.issuer)
			.subject(userId.toString())
			.claim(ROLE, role)
			.jwtID(tokenId)
			.claim(FAMILY, familyId.toString())
			.issueTime(Date.from(issuedAt))
			.expirationTime(Date.from(expiresAt))
			.build();
		SignedJWT jwt = new SignedJWT(header, claims);
		try {
			jwt.sign(this.keys.signer());
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Signing an access token failed", ex);
		}
		return new AccessToken(jwt.serialize(), tokenId, familyId, issuedAt, expiresAt);
	}

	/**
	 * A secret for signing something other than access tokens, the same on every instance
	 * that signs with the same key.
	 * @param label names the purpose; each label gets an unrelated key
	 * @return 32 bytes derived from the current signing key
	 */
	public byte[] derivedKey(String label) {
		return this.keys.derive(label);
	}

	/**
	 * How long a token issued now stays valid; no token outlives it.
	 * @return the configured {@code aula.tokens.access-token-ttl}
	 */
	public Duration timeToLive() {
		return this.timeToLive;
	}

}
