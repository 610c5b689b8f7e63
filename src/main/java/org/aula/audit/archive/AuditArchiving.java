package org.aula.audit.archive;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.aula.platform.jdbc.TableArchive;
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
 * Moves audit entries older than {@code aula.audit.archive-after} from {@code audit_log}
 * to {@code audit_log_archive}, daily as {@value #TYPE}. Each batch copies and deletes
 * its entries in one short transaction, oldest first; a job that dies between batches, or
 * runs again, continues where it stopped without copying anything twice.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditArchiving.Settings.class)
class AuditArchiving {

	static final String TYPE = "audit.archive";

	static final TableArchive AUDIT_LOG = new TableArchive("audit_log", "audit_log_archive", "occurred_at",
			List.of("id", "occurred_at", "actor_id", "action", "entity_type", "entity_id", "changes", "ip",
					"user_agent", "request_id"));

	@Bean
	RecurringJob auditArchiveSchedule(Settings settings) {
		return RecurringJob.selfSerialised(TYPE, settings.archiveSchedule());
	}

	@Bean
	JobHandler auditArchiveHandler(JdbcClient jdbc, Settings settings, TransactionTemplate transactions) {
		return JobHandler.of(TYPE, (job) -> archive(job, jdbc, settings, transactions, Clock.systemUTC()));
	}

	/**
	 * {@code aula.audit.*}.
	 *
	 * @param archiveAfter how old an entry is when it moves to the archive
	 * @param archiveSchedule when archiving runs: six-field cron in UTC, {@code "-"} for
	 * never
	 * @param archiveBatchSize entries moved per transaction
	 */
	@ConfigurationProperties("aula.audit")
	record Settings(@DefaultValue("180d") Duration archiveAfter, @DefaultValue("0 0 4 * * *") String archiveSchedule,
			@DefaultValue("500") int archiveBatchSize) {

		Settings {
			if (archiveBatchSize < 1) {
				throw new IllegalArgumentException("aula.audit.archive-batch-size must be at least 1");
			}
			if (archiveAfter.isNegative()) {
				throw new IllegalArgumentException("aula.audit.archive-after must not be negative");
			}
		}

	}

	private static final Logger logger = LoggerFactory.getLogger(AuditArchiving.class);

	static void archive(JobContext job, JdbcClient jdbc, Settings settings, TransactionTemplate transactions,
			Clock clock) throws InterruptedException {
		Instant now = clock.instant();
		Instant cutoff = now.minus(settings.archiveAfter());
		long due = AUDIT_LOG.countDue(jdbc, cutoff);
		long moved = Batches.of(job, transactions, settings.archiveBatchSize(), 1)
			.repeat("audit entries archived", due, (limit) -> AUDIT_LOG.moveBatch(jdbc, cutoff, now, limit));
		logger.info("Archived {} audit entries recorded before {}", moved, cutoff);
	}

}
