package org.aula.notifications.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.aula.platform.jdbc.Timestamps;
import org.aula.platform.jobs.Batches;
import org.aula.platform.jobs.JobContext;
import org.aula.platform.jobs.JobHandler;
import org.aula.platform.jobs.RecurringJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the email outbox from growing forever: daily, as {@value #TYPE}, it deletes
 * delivered emails (sent over SMTP, or written to the log when there is no SMTP server)
 * older than {@code aula.notifications.cleanup.sent-retention} and failed ones older than
 * {@code failed-retention}, which is longer so that an admin can still find out why an
 * email never arrived. Pending emails are never deleted.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutboxCleanup.Settings.class)
class OutboxCleanup {

	static final String TYPE = "notifications.cleanup";

	@Bean
	RecurringJob outboxCleanupSchedule(Settings settings) {
		return RecurringJob.selfSerialised(TYPE, settings.schedule());
	}

	@Bean
	JobHandler outboxCleanupHandler(JdbcClient jdbc, Settings settings, TransactionTemplate transactions) {
		return JobHandler.of(TYPE, (job) -> deleteOldEmails(job, jdbc, settings, transactions, Clock.systemUTC()));
	}

	/**
	 * {@code aula.notifications.cleanup.*}.
	 *
	 * @param schedule when the cleanup runs: six-field cron in UTC, {@code "-"} for never
	 * @param sentRetention how long a delivered email (sent, or logged) is kept after it
	 * was queued
	 * @param failedRetention how long an email that could not be delivered is kept after
	 * it was queued
	 * @param batchSize emails deleted per transaction
	 */
	@ConfigurationProperties("aula.notifications.cleanup")
	record Settings(@DefaultValue("0 30 3 * * *") String schedule, @DefaultValue("30d") Duration sentRetention,
			@DefaultValue("180d") Duration failedRetention, @DefaultValue("1000") int batchSize) {

		Settings {
			if (batchSize < 1) {
				throw new IllegalArgumentException("aula.notifications.cleanup.batch-size must be at least 1");
			}
			if (sentRetention.isNegative() || failedRetention.isNegative()) {
				throw new IllegalArgumentException("aula.notifications.cleanup retentions must not be negative");
			}
		}

	}

	private static final Logger logger = LoggerFactory.getLogger(OutboxCleanup.class);

	static void deleteOldEmails(JobContext job, JdbcClient jdbc, Settings settings, TransactionTemplate transactions,
			Clock clock) throws InterruptedException {
		Instant now = clock.instant();
		Instant sentCutoff = now.minus(settings.sentRetention());
		Instant failedCutoff = now.minus(settings.failedRetention());
		Batches batches = Batches.of(job, transactions, settings.batchSize(), 3);
		batches.repeat("sent emails", (limit) -> delete(jdbc, "SENT", sentCutoff, limit));
		batches.repeat("logged emails", (limit) -> delete(jdbc, "LOGGED", sentCutoff, limit));
		batches.repeat("failed emails", (limit) -> delete(jdbc, "FAILED", failedCutoff, limit));
		logger.info("Outbox cleanup deleted {}", batches.summary());
	}

	/** The oldest emails in this state queued before the cutoff, at most limit. */
	private static int delete(JdbcClient jdbc, String status, Instant cutoff, int limit) {
		List<UUID> ids = jdbc.sql("""
				select id from email_outbox where status = :status and created_at < :cutoff
				order by created_at limit :limit
				""")
			.param("status", status)
			.param("cutoff", Timestamps.of(cutoff))
			.param("limit", limit)
			.query(UUID.class)
			.list();
		if (ids.isEmpty()) {
			return 0;
		}
		return jdbc.sql("delete from email_outbox where id in (:ids)").param("ids", ids).update();
	}

}
