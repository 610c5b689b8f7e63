package org.aula.learning;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

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
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes stored idempotency keys once their retention has passed
 * ({@code aula.learning.cleanup.*}), daily and in batches, as {@value #TYPE}.
 * <p>
 * A key only matters while a client may still retry the request it protects: within the
 * retention, a retry replays the first response. After it, a retry with the same key is
 * handled as a new request, which still cannot enrol or charge twice (one enrolment per
 * student and course), but answers 409 instead of the first response. So the retention
 * must be longer than any client's retry window; a week leaves a wide margin over the
 * minutes to hours that clients retry for.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LearningCleanup.Settings.class)
class LearningCleanup {

	static final String TYPE = "learning.cleanup";

	@Bean
	RecurringJob learningCleanupSchedule(Settings settings) {
		return RecurringJob.selfSerialised(TYPE, settings.schedule());
	}

	@Bean
	JobHandler learningCleanupHandler(IdempotencyKeys keys, Settings settings, TransactionTemplate transactions) {
		return JobHandler.of(TYPE, (job) -> deleteOldKeys(job, keys, settings, transactions, Clock.systemUTC()));
	}

	/**
	 * {@code aula.learning.cleanup.*}.
	 *
	 * @param schedule when the cleanup runs: six-field cron in UTC, {@code "-"} for never
	 * @param idempotencyKeyRetention how long a purchase's idempotency key and response
	 * are kept for replays; longer than any client's retry window
	 * @param batchSize rows deleted per transaction
	 */
	@ConfigurationProperties("aula.learning.cleanup")
	record Settings(@DefaultValue("0 30 3 * * *") String schedule, @DefaultValue("7d") Duration idempotencyKeyRetention,
			@DefaultValue("1000") int batchSize) {

		Settings {
			if (batchSize < 1) {
				throw new IllegalArgumentException("aula.learning.cleanup.batch-size must be at least 1");
			}
			if (idempotencyKeyRetention.compareTo(Duration.ofHours(1)) < 0) {
				throw new IllegalArgumentException(
						"aula.learning.cleanup.idempotency-key-retention must be at least 1h: clients retry for longer");
			}
		}

	}

	private static final Logger logger = LoggerFactory.getLogger(LearningCleanup.class);

	static void deleteOldKeys(JobContext job, IdempotencyKeys keys, Settings settings, TransactionTemplate transactions,
			Clock clock) throws InterruptedException {
		Instant cutoff = clock.instant().minus(settings.idempotencyKeyRetention());
		long deleted = Batches.of(job, transactions, settings.batchSize(), 1)
			.repeat("idempotency keys", (limit) -> keys.deleteCreatedBefore(cutoff, limit));
		logger.info("Deleted {} idempotency keys created before {}", deleted, cutoff);
	}

}
