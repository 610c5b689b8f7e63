package org.aula.platform.jobs;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.jdbc.AutodetectJdbcCustomization;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires the job queue: every instance can enqueue; only instances with
 * {@code aula.jobs.worker.enabled=true} (the default) run jobs and schedules.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JobSettings.class)
class JobsConfiguration {

	private final Clock clock = Clock.systemUTC();

	@Bean
	JobLedger jobLedger(JdbcClient jdbc, PlatformTransactionManager transactions) {
		return new JobLedger(jdbc, transactions);
	}

	@Bean
	JobMetrics jobMetrics(MeterRegistry registry, JobLedger ledger, JobSettings settings) {
		return new JobMetrics(registry, ledger::countsByState, settings.metricsRefresh(), this.clock);
	}

	@Bean
	JobRunner jobRunner(List<JobHandler> handlers, JobLedger ledger, JdbcClient jdbc, JobSettings settings,
			JobMetrics metrics) {
		return new JobRunner(byType(handlers), ledger, new JobLocks(jdbc), settings, metrics, this.clock);
	}

	@Bean
	JdbcJobs jobs(JobLedger ledger, JobRunner runner, DataSource dataSource, ObjectProvider<JobWorker> worker) {
		// The proxy hands db-scheduler the connection of the caller's transaction, so the
		// execution row commits or rolls back with the business write.
		SchedulerClient client = SchedulerClient.Builder
			.create(new TransactionAwareDataSourceProxy(dataSource), List.of(runner.task()))
			.jdbcCustomization(new AutodetectJdbcCustomization(dataSource, true))
			.build();
		return new JdbcJobs(ledger, client, runner.handlers(), () -> worker.ifAvailable(JobWorker::wake), this.clock);
	}

	@Bean
	@ConditionalOnProperty(name = "aula.jobs.worker.enabled", havingValue = "true", matchIfMissing = true)
	JobWorker jobWorker(DataSource dataSource, JobRunner runner, List<RecurringJob> recurring, JdbcJobs jobs,
			PlatformTransactionManager transactions, JobMetrics metrics, JobSettings settings) {
		return new JobWorker(dataSource, isPostgres(dataSource), runner, recurring, jobs,
				new TransactionTemplate(transactions), metrics, settings.worker());
	}

	private static Map<String, JobHandler> byType(List<JobHandler> handlers) {
		Map<String, JobHandler> byType = new TreeMap<>();
		for (JobHandler handler : handlers) {
			JobHandler clash = byType.put(handler.type(), handler);
			if (clash != null) {
				throw new IllegalStateException("Two handlers for job type " + handler.type() + ": "
						+ clash.getClass().getName() + " and " + handler.getClass().getName());
			}
		}
		return Map.copyOf(byType);
	}

	private static boolean isPostgres(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot reach the database to start the job worker", ex);
		}
	}

}
