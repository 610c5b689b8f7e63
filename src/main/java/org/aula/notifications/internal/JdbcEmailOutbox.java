package org.aula.notifications.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

import org.aula.notifications.EmailOutbox;
import org.aula.notifications.OutgoingEmail;
import org.aula.platform.jobs.JobRequest;
import org.aula.platform.jobs.Jobs;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Inserts outgoing emails on the caller's connection, inside its transaction, with the
 * {@value EmailDelivery#TYPE} job that delivers each: the row and its job commit or roll
 * back together with the caller's write.
 */
@Component
class JdbcEmailOutbox implements EmailOutbox {

	private final JdbcClient jdbc;

	private final Jobs jobs;

	JdbcEmailOutbox(JdbcClient jdbc, Jobs jobs) {
		this.jdbc = jdbc;
		this.jobs = jobs;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public UUID enqueue(OutgoingEmail email) {
		Objects.requireNonNull(email, "email");
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into email_outbox (id, recipient, subject, body, status, attempts, created_at)
				values (:id, :recipient, :subject, :body, 'PENDING', 0, :createdAt)
				""")
			.param("id", id)
			.param("recipient", email.to())
			.param("subject", email.subject())
			.param("body", email.body())
			.param("createdAt", OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS))
			.update();
		this.jobs.enqueue(JobRequest.of(EmailDelivery.TYPE, id.toString()));
		return id;
	}

}
