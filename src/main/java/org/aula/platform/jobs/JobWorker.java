package org.aula.platform.jobs;

import java.lang.management.ManagementFactory;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

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

	private final Supplier<Scheduler> schedulers;

	private final boolean postgres;

	private volatile Scheduler scheduler;

	private volatile boolean running;

	JobWorker(DataSource dataSource, boolean postgres, JobRunner runner, List<RecurringJob> recurring, JdbcJobs jobs,
			TransactionTemplate transactions, JobSettings.Worker settings) {
		this.postgres = postgres;
		List<Task<?>> tasks = new ArrayList<>();
		tasks.add(runner.task());
		List<RecurringTask<Void>> schedules = new ArrayList<>();
		for (RecurringJob job : recurring) {
			if (job.enabled()) {
				schedules.add(tick(job, jobs, transactions));
			}
			else {
				logger.info("Recurring job {} is disabled", job.name());
			}
		}
		tasks.addAll(schedules);
		// A db-scheduler Scheduler cannot start again once stopped, but a lifecycle bean
		// can be stopped and started (a paused test context, a context restart): each
		// start builds a fresh one.
		this.schedulers = () -> build(dataSource, postgres, tasks, schedules, settings);
	}

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

	private static RecurringTask<Void> tick(RecurringJob job, JdbcJobs jobs, TransactionTemplate transactions) {
		return Tasks.recurring(scheduleName(job), Schedules.cron(job.cron(), ZoneOffset.UTC))
			.execute((instance, context) -> {
				// The tick's job id derives from the tick's time: a tick that runs again
				// after its
				// worker died enqueues nothing new.
				String tick = job.name() + "@" + context.getExecution().executionTime;
				UUID id = UUID.nameUUIDFromBytes(tick.getBytes(java.nio.charset.StandardCharsets.UTF_8));
				transactions.executeWithoutResult((status) -> jobs.enqueueOnce(id, job.request()));
			});
	}

	private static String instanceName() {
		String host = ManagementFactory.getRuntimeMXBean().getName();
		return host + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	void wake() {
		Scheduler current = this.scheduler;
		if (this.running && current != null) {
			current.triggerCheckForDueExecutions();
		}
	}

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		logger.info("Starting the job worker ({})", this.postgres ? "lock-and-fetch" : "fetch-and-lock");
		Scheduler fresh = this.schedulers.get();
		fresh.start();
		this.scheduler = fresh;
		this.running = true;
	}

	@Override
	public synchronized void stop() {
		this.running = false;
		Scheduler current = this.scheduler;
		if (current != null) {
			current.stop();
			this.scheduler = null;
		}
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
