package org.aula.identity.tokens;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.aula.platform.revocation.TokenRevocations;

/**
 * Refuses access tokens before they expire: one token by its {@code jti}, or every token
 * of a refresh-token family at once. Revocations take effect on every instance at the
 * next request (in the shared mode through Redis; see the platform's
 * {@link TokenRevocations} for what happens while Redis is down) and are forgotten once
 * no token they cover can still be valid. Both operations are idempotent.
 */
public final class AccessTokenRevocations {

	private static final String TOKEN = "jti:";

	private static final String FAMILY = "fid:";

	private final TokenRevocations revocations;

	private final Duration timeToLive;

	private final Clock clock;

	AccessTokenRevocations(TokenRevocations revocations, Duration timeToLive, Clock clock) {
		this.revocations = revocations;
		this.timeToLive = timeToLive;
		this.clock = clock;
	}

	/**
	 * Refuses one token from now on.
	 * @param tokenId the token's {@code jti}, never blank
	 * @param expiresAt the token's {@code exp}; an expired token needs no revocation
	 */
	public void revokeToken(String tokenId, Instant expiresAt) {
		if (tokenId == null || tokenId.isBlank()) {
			throw new IllegalArgumentException("A token id is needed to revoke a token");
		}
		// Verification tolerates clock skew past exp, so the revocation must too.
		this.revocations.revoke(TOKEN + tokenId, expiresAt.plus(AccessTokenDecoder.CLOCK_SKEW));
	}

	/**
	 * Refuses every access token of the family issued so far: on logout, or when a
	 * refresh token of the family is reused. The revocation lasts one access-token
	 * lifetime, so the family's refresh tokens must be revoked too, or new access tokens
	 * would follow.
	 * @param familyId the family's id, never {@code null}
	 */
	public void revokeFamily(UUID familyId) {
		Objects.requireNonNull(familyId, "familyId");
		// No token of the family issued before now can be valid beyond one lifetime.
		this.revocations.revoke(FAMILY + familyId,
				this.clock.instant().plus(this.timeToLive).plus(AccessTokenDecoder.CLOCK_SKEW));
	}

	boolean isRevoked(String tokenId, String familyId) {
		return this.revocations.isAnyRevoked(TOKEN + tokenId, FAMILY + familyId);
	}

}
