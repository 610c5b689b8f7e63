package org.aula.identity;

import org.aula.platform.jdbc.Timestamps;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Refresh tokens, one row per token, grouped in families (one family per login). A token
 * is spent by a conditional update, so two instances presenting the same token at once
 * cannot both succeed: the database decides which one rotates it.
 */
@Repository
class RefreshTokens {

	private final JdbcClient jdbc;

	RefreshTokens(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID userId, UUID familyId, String tokenHash, Instant now, Instant expiresAt) {
		this.jdbc
			.sql("INSERT INTO refresh_tokens (id, user_id, family_id, token_hash, created_at, expires_at)"
					+ " VALUES (?, ?, ?, ?, ?, ?)")
			.params(UUID.randomUUID(), userId, familyId, tokenHash, Timestamps.of(now), Timestamps.of(expiresAt))
			.update();
	}

	/**
	 * Marks the token used if, and only if, it is live: unused, not revoked, not expired.
	 * @return true if this call spent it
	 */
	boolean spend(String tokenHash, Instant now) {
		return this.jdbc
			.sql("UPDATE refresh_tokens SET used_at = ? WHERE token_hash = ? AND used_at IS NULL"
					+ " AND revoked_at IS NULL AND expires_at > ?")
			.params(Timestamps.of(now), tokenHash, Timestamps.of(now))
			.update() == 1;
	}

	Optional<Token> byHash(String tokenHash) {
		return this.jdbc
			.sql("SELECT user_id, family_id, used_at, revoked_at, expires_at FROM refresh_tokens WHERE token_hash = ?")
			.param(tokenHash)
			.query((rs, row) -> new Token(rs.getObject("user_id", UUID.class), rs.getObject("family_id", UUID.class),
					Timestamps.read(rs, "used_at"), Timestamps.read(rs, "revoked_at"),
					Timestamps.read(rs, "expires_at")))
			.optional();
	}

	void revokeFamily(UUID familyId, Instant now) {
		this.jdbc.sql("UPDATE refresh_tokens SET revoked_at = ? WHERE family_id = ? AND revoked_at IS NULL")
			.params(Timestamps.of(now), familyId)
			.update();
	}

	/**
	 * Revokes every live family of a user but one.
	 * @return the families revoked, so their access tokens can be denied too
	 */
	List<UUID> revokeAllFamilies(UUID userId, UUID except, Instant now) {
		List<UUID> families = this.jdbc
			.sql("SELECT DISTINCT family_id FROM refresh_tokens WHERE user_id = ? AND revoked_at IS NULL"
					+ " AND expires_at > ?")
			.params(userId, Timestamps.of(now))
			.query(UUID.class)
			.list()
			.stream()
			.filter((family) -> !family.equals(except))
			.toList();
		for (UUID family : families) {
			revokeFamily(family, now);
		}
		return families;
	}

	/**
	 * Deletes the tokens of logins that ended before the cutoff: every token of the
	 * family expired before it. A family with a token still usable after the cutoff is
	 * kept whole, so a spent token presented again is still recognised and still ends the
	 * session.
	 * @return how many tokens were deleted, at most {@code limit}
	 */
	int deleteEndedFamilies(Instant cutoff, int limit) {
		List<UUID> ids = this.jdbc
			.sql("""
					SELECT t.id FROM refresh_tokens t
					WHERE t.expires_at < :cutoff
					  AND NOT EXISTS (SELECT 1 FROM refresh_tokens n WHERE n.family_id = t.family_id AND n.expires_at >= :cutoff)
					ORDER BY t.expires_at LIMIT :limit
					""")
			.param("cutoff", Timestamps.of(cutoff))
			.param("limit", limit)
			.query(UUID.class)
			.list();
		if (ids.isEmpty()) {
			return 0;
		}
		return this.jdbc.sql("DELETE FROM refresh_tokens WHERE id IN (:ids)").param("ids", ids).update();
	}

	/**
	 * What is known about a presented token.
	 *
	 * @param userId owner
	 * @param familyId the login it descends from
	 * @param usedAt when it was rotated, or null
	 * @param revokedAt when its family was revoked, or null
	 * @param expiresAt when it stops working
	 */
	record Token(UUID userId, UUID familyId, Instant usedAt, Instant revokedAt, Instant expiresAt) {
	}

}
