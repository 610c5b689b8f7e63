package org.aula.platform.jobs;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the job ledger from growing forever: once a day, jobs that succeeded longer ago
 * than {@code aula.jobs.succeeded-retention} are deleted, in batches. Dead jobs stay
 * until an admin has looked at them.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JobLedgerCleanup.Settings.class)
class JobLedgerCleanup {

	static final String TYPE = "jobs.cleanup";

	@Bean
	RecurringJob jobLedgerCleanupSchedule(Settings settings) {
		return RecurringJob.selfSerialised(TYPE, settings.schedule());
	}

	@Bean
	JobHandler jobLedgerCleanupHandler(JobLedger ledger, JobSettings jobs, Settings settings,
			PlatformTransactionManager transactions) {
		TransactionTemplate template = new TransactionTemplate(transactions);
		return JobHandler.of(TYPE, (job) -> deleteSucceeded(job, ledger, jobs, settings, template, Clock.systemUTC()));
	}

	/**
	 * {@code aula.jobs.cleanup.*}.
	 *
	 * @param schedule when the cleanup runs: six-field cron in UTC, {@code "-"} for never
	 * @param batchSize jobs deleted per transaction
	 */
	@ConfigurationProperties("aula.jobs.cleanup")
	record Settings(@DefaultValue("0 30 3 * * *") String schedule, @DefaultValue("1000") int batchSize) {

		Settings {
			if (batchSize < 1) {
				throw new IllegalArgumentException("aula.jobs.cleanup.batch-size must be at least 1");
			}
		}

	}

	private static final Logger logger = LoggerFactory.getLogger(JobLedgerCleanup.class);

	static void deleteSucceeded(JobContext job, JobLedger ledger, JobSettings jobs, Settings settings,
			TransactionTemplate transactions, Clock clock) throws InterruptedException {
		Instant cutoff = clock.instant().minus(jobs.succeededRetention());
		long deleted = Batches.of(job, transactions, settings.batchSize(), 1)
			.repeat("succeeded jobs", (limit) -> ledger.deleteFinishedBefore(cutoff, limit));
		logger.info("Deleted {} jobs that succeeded before {}", deleted, cutoff);
	}

}
