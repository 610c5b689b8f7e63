package org.aula.platform.revocation;

import java.time.Instant;

/**
 * The access tokens that must be refused before they expire, identified by their JWT id
 * ({@code jti}). A revocation is only kept until the token's own expiry, after which the
 * token is refused for being expired. In the shared (Redis) mode a revocation made on one
 * instance is seen by all.
 */
public interface TokenRevocations {

	/**
	 * Refuses the token from now until {@code expiresAt}. Revoking a token that has
	 * already expired does nothing.
	 * @param tokenId the token's {@code jti}
	 * @param expiresAt the token's {@code exp}
	 * @throws RuntimeException if the shared store cannot be reached, so the caller never
	 * believes a token revoked when it is not
	 */
	void revoke(String tokenId, Instant expiresAt);

	/**
	 * Whether the token has been revoked and has not expired since.
	 * @param tokenId the token's {@code jti}
	 * @return {@code true} if the token must be refused
	 * @throws RuntimeException if the shared store cannot be reached; callers should
	 * refuse the token rather than assume it is valid
	 */
	boolean isRevoked(String tokenId);

}
