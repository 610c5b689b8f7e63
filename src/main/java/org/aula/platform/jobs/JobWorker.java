package org.aula.platform.jobs;

import java.lang.management.ManagementFactory;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * This instance's worker: a db-scheduler {@link Scheduler} polling the shared table,
 * started last and stopped first, so it never runs a job while the application is only
 * half up. Absent when {@code aula.jobs.worker.enabled=false}.
 */
class JobWorker implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(JobWorker.class);

	private final java.util.function.Supplier<Scheduler> schedulers;

	private final boolean postgres;

	private volatile Scheduler scheduler;

	private volatile boolean running;

	JobWorker(DataSource dataSource, boolean postgres, JobRunner runner, List<RecurringJob> recurring, JdbcJobs jobs,
			TransactionTemplate transactions, JobMetrics metrics, JobSettings.Worker settings) {
		this.postgres = postgres;
		List<Task<?>> tasks = new ArrayList<>();
		tasks.add(runner.task());
		List<RecurringTask<Void>> schedules = new ArrayList<>();
		for (RecurringJob job : recurring) {
			if (job.enabled()) {
				schedules.add(tick(job, jobs, transactions, metrics));
			}
			else {
				logger.info("Recurring job {} is disabled", job.name());
			}
		}
		this.schedulers = () -> build(dataSource, postgres, tasks, schedules, settings);
	}

	/**
	 * A stopped db-scheduler cannot start again, and a Spring context may stop and
	 * restart its lifecycle beans: each start gets a scheduler of its own.
	 */
	private static Scheduler build(DataSource dataSource, boolean postgres, List<Task<?>> tasks,
			List<RecurringTask<Void>> schedules, JobSettings.Worker settings) {
		var builder = Scheduler.create(dataSource, tasks)
			.startTasks(schedules)
			.threads(settings.threads())
			.pollingInterval(settings.pollingInterval())
			.heartbeatInterval(settings.heartbeatInterval())
			.missedHeartbeatsLimit(settings.missedHeartbeats())
			.shutdownMaxWait(settings.shutdownMaxWait())
			.schedulerName(new SchedulerName.Fixed(instanceName()))
			.alwaysPersistTimestampInUTC()
			.enableImmediateExecution();
		if (postgres) {
			// FOR UPDATE SKIP LOCKED: workers claim disjoint batches in one statement.
			builder = builder.pollUsingLockAndFetch(0.5, 1.0);
		}
		return builder.build();
	}

	static String scheduleName(RecurringJob job) {
		return "recurring:" + job.name();
	}

	private static RecurringTask<Void> tick(RecurringJob job, JdbcJobs jobs, TransactionTemplate transactions,
			JobMetrics metrics) {
		return Tasks.recurring(scheduleName(job), Schedules.cron(job.cron(), ZoneOffset.UTC))
			// A tick whose worker died runs again with its own time (not "now"), so it
			// derives the same job id and enqueues nothing twice.
			.onDeadExecution(
					(complete, operations) -> operations.reschedule(complete, complete.getExecution().executionTime))
			.execute((instance, context) -> {
				// The tick's job id derives from the tick's time: a tick that runs
				// again after its worker died enqueues nothing new.
				String tick = job.name() + "@" + context.getExecution().executionTime;
				UUID id = UUID.nameUUIDFromBytes(tick.getBytes(java.nio.charset.StandardCharsets.UTF_8));
				Boolean created = transactions.execute((status) -> jobs.enqueueOnce(id, job.request()));
				if (!Boolean.TRUE.equals(created)) {
					metrics.duplicateTick(job.name());
				}
			});
	}

	private static String instanceName() {
		String host = ManagementFactory.getRuntimeMXBean().getName();
		return host + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** Stops taking new jobs; running ones go on and their heartbeats continue. */
	void pause() {
		this.scheduler.pause();
	}

	void resume() {
		this.scheduler.resume();
	}

	void wake() {
		if (this.running) {
			this.scheduler.triggerCheckForDueExecutions();
		}
	}

	@Override
	public void start() {
		logger.info("Starting the job worker ({})", this.postgres ? "lock-and-fetch" : "fetch-and-lock");
		this.scheduler = this.schedulers.get();
		this.scheduler.start();
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		this.scheduler.stop();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		// Above the web server's graceful shutdown phase: the worker starts after the
		// server
		// and stops before it, while the database is still there.
		return Integer.MAX_VALUE - 100;
	}

}
