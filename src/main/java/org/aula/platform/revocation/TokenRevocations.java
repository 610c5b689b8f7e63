package org.aula.platform.revocation;

import java.time.Instant;

/**
 * What must be refused before it expires: access tokens by their JWT id, or anything else
 * a caller names with a key of its own (such as a whole token family). A revocation is
 * only kept until the given expiry, after which what it covered has expired anyway. In
 * the shared (Redis) mode a revocation made on one instance is seen by all.
 * <p>
 * The bean the application wires never throws because the shared store is failing: a
 * revocation it cannot write is honoured by this instance at once and written to the
 * shared store as soon as it answers again, and a check it cannot make answers from this
 * instance's revocations (see
 * {@code docs/adr/0001-token-revocation-when-redis-is-down.md}).
 */
public interface TokenRevocations {

	/**
	 * Refuses the id from now until {@code expiresAt}. Revoking an id whose expiry has
	 * passed does nothing; revoking it again is harmless.
	 * @param id the revoked id, e.g. a token's {@code jti}
	 * @param expiresAt when the revocation may be forgotten, e.g. the token's {@code exp}
	 */
	void revoke(String id, Instant expiresAt);

	/**
	 * Whether the id has been revoked and the revocation has not expired since.
	 * @param id the id, e.g. a token's {@code jti}
	 * @return {@code true} if what the id names must be refused
	 */
	boolean isRevoked(String id);

	/**
	 * Whether any of the ids is revoked, answered in one round trip to the store, so that
	 * checking a token and its family costs no more than checking one of them.
	 * @param ids the ids to check; none at all means nothing is revoked
	 * @return {@code true} if at least one of them must be refused
	 */
	boolean isAnyRevoked(String... ids);

}
