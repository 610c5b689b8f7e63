package org.aula.notifications.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.aula.platform.jdbc.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The delivery side of {@code email_outbox}. Each call is one statement in its own short
 * transaction: nothing holds a connection while an SMTP server is being talked to.
 */
@Component
class OutboxRows {

	static final int MAX_ERROR_LENGTH = 1000;

	private final JdbcClient jdbc;

	OutboxRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<StoredEmail> find(UUID id) {
		return this.jdbc.sql("select id, recipient, subject, body, status from email_outbox where id = :id")
			.param("id", id)
			.query((rs, row) -> new StoredEmail(rs.getObject("id", UUID.class), rs.getString("recipient"),
					rs.getString("subject"), rs.getString("body"), EmailStatus.valueOf(rs.getString("status"))))
			.optional();
	}

	void countAttempt(UUID id) {
		this.jdbc.sql("update email_outbox set attempts = attempts + 1 where id = :id").param("id", id).update();
	}

	/** Marks the email delivered unless another run already did. */
	void delivered(UUID id, EmailStatus status, Instant at) {
		this.jdbc.sql("""
				update email_outbox set status = :status, sent_at = :at
				where id = :id and status in ('PENDING', 'FAILED')
				""").param("id", id).param("status", status.name()).param("at", Timestamps.of(at)).update();
	}

	/**
	 * Records why an attempt failed; {@code givenUp} marks the email {@code FAILED} (no
	 * attempt follows unless an administrator retries its job).
	 */
	void failed(UUID id, String error, boolean givenUp) {
		String status = givenUp ? ", status = 'FAILED'" : "";
		this.jdbc
			.sql("update email_outbox set last_error = :error" + status
					+ " where id = :id and status in ('PENDING', 'FAILED')")
			.param("id", id)
			.param("error", truncate(error))
			.update();
	}

	private static String truncate(String text) {
		return (text.length() <= MAX_ERROR_LENGTH) ? text : text.substring(0, MAX_ERROR_LENGTH - 1) + "…";
	}

	/** Where an email is: waiting, delivered over SMTP or to the log, or given up. */
	enum EmailStatus {

		PENDING, SENT, LOGGED, FAILED;

		boolean delivered() {
			return this == SENT || this == LOGGED;
		}

	}

	/** An email as the delivery job reads it. */
	record StoredEmail(UUID id, String recipient, String subject, String body, EmailStatus status) {

		/** Leaves the body out: it may hold a one-time link that must not reach a log. */
		@Override
		public String toString() {
			return "StoredEmail[id=" + this.id + ", to=" + this.recipient + ", subject=" + this.subject + ", status="
					+ this.status + "]";
		}

	}

}
