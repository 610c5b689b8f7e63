package org.aula.identity;

import org.aula.platform.jdbc.Timestamps;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code password_resets} table: single-use, short-lived reset tokens. */
@Repository
class ResetTokens {

	private final JdbcClient jdbc;

	ResetTokens(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID userId, String tokenHash, Instant now, Instant expiresAt) {
		this.jdbc
			.sql("INSERT INTO password_resets (id, user_id, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")
			.params(UUID.randomUUID(), userId, tokenHash, Timestamps.of(now), Timestamps.of(expiresAt))
			.update();
	}

	/**
	 * Spends a live token.
	 * @return the user it resets, if this call spent it
	 */
	Optional<UUID> spend(String tokenHash, Instant now) {
		Optional<UUID> user = this.jdbc
			.sql("SELECT user_id FROM password_resets WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?")
			.params(tokenHash, Timestamps.of(now))
			.query(UUID.class)
			.optional();
		if (user.isEmpty()) {
			return Optional.empty();
		}
		int spent = this.jdbc
			.sql("UPDATE password_resets SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?")
			.params(Timestamps.of(now), tokenHash, Timestamps.of(now))
			.update();
		return (spent == 1) ? user : Optional.empty();
	}

	/**
	 * Deletes reset tokens that expired before the cutoff, used or not.
	 * @return how many were deleted, at most {@code limit}
	 */
	int deleteExpiredBefore(Instant cutoff, int limit) {
		List<UUID> ids = this.jdbc
			.sql("SELECT id FROM password_resets WHERE expires_at < ? ORDER BY expires_at LIMIT ?")
			.params(Timestamps.of(cutoff), limit)
			.query(UUID.class)
			.list();
		if (ids.isEmpty()) {
			return 0;
		}
		return this.jdbc.sql("DELETE FROM password_resets WHERE id IN (:ids)").param("ids", ids).update();
	}

	/** A new link replaces older ones, so a leaked old email is worthless. */
	void spendAllFor(UUID userId, Instant now) {
		this.jdbc.sql("UPDATE password_resets SET used_at = ? WHERE user_id = ? AND used_at IS NULL")
			.params(Timestamps.of(now), userId)
			.update();
	}

}
