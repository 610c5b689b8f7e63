package org.aula.learning;

import org.aula.platform.jdbc.Timestamps;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code idempotency_keys} table. A key is claimed by inserting its row first in the
 * request's transaction: a concurrent request with the same key, on any instance, waits
 * on the primary key until the first commits (then fails with a duplicate key and reads
 * the stored response) or rolls back (then goes ahead itself).
 */
@Repository
class IdempotencyKeys {

	private final JdbcClient jdbc;

	IdempotencyKeys(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @throws org.springframework.dao.DuplicateKeyException when the caller already used
	 * the key
	 */
	void claim(UUID callerId, String key, String requestHash, Instant now) {
		this.jdbc
			.sql("INSERT INTO idempotency_keys (caller_id, idempotency_key, request_hash, created_at)"
					+ " VALUES (?, ?, ?, ?)")
			.params(callerId, key, requestHash, Timestamps.of(now))
			.update();
	}

	void complete(UUID callerId, String key, int status, String body) {
		this.jdbc
			.sql("UPDATE idempotency_keys SET response_status = ?, response_body = ?"
					+ " WHERE caller_id = ? AND idempotency_key = ?")
			.params(status, body, callerId, key)
			.update();
	}

	Optional<Stored> find(UUID callerId, String key) {
		return this.jdbc
			.sql("SELECT request_hash, response_status, response_body FROM idempotency_keys"
					+ " WHERE caller_id = ? AND idempotency_key = ?")
			.params(callerId, key)
			.query((rs, row) -> new Stored(rs.getString("request_hash"), rs.getInt("response_status"),
					rs.getString("response_body")))
			.optional();
	}

	/**
	 * Deletes keys created before the cutoff, oldest first.
	 * @return how many were deleted, at most {@code limit}
	 */
	int deleteCreatedBefore(Instant cutoff, int limit) {
		List<Object[]> keys = this.jdbc
			.sql("SELECT caller_id, idempotency_key FROM idempotency_keys WHERE created_at < ?"
					+ " ORDER BY created_at LIMIT ?")
			.params(Timestamps.of(cutoff), limit)
			.query((rs, row) -> new Object[] { rs.getObject("caller_id", UUID.class), rs.getString("idempotency_key") })
			.list();
		if (keys.isEmpty()) {
			return 0;
		}
		return this.jdbc.sql("DELETE FROM idempotency_keys WHERE (caller_id, idempotency_key) IN (:keys)")
			.param("keys", keys)
			.update();
	}

	/** A response kept for replays. */
	record Stored(String requestHash, int status, String body) {
	}

}
