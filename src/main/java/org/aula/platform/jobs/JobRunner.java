package org.aula.platform.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one attempt of a job: the single db-scheduler task behind every job type. The
 * execution's instance id is the job id; the ledger row holds everything else.
 * <p>
 * The outcome decides what happens to the execution: done or dead removes it, a failure
 * reschedules it after the backoff, a busy serial key reschedules it shortly without
 * counting an attempt, and a stopping worker hands it to the next one at once.
 */
class JobRunner {

	static final String TASK_NAME = "aula-job";

	private static final Duration UNKNOWN_TYPE_PATIENCE = Duration.ofHours(1);

	private static final Duration UNKNOWN_TYPE_RETRY = Duration.ofMinutes(1);

	private static final Logger logger = LoggerFactory.getLogger(JobRunner.class);

	private final Map<String, JobHandler> handlers;

	private final JobLedger ledger;

	private final JobLocks locks;

	private final JobSettings settings;

	private final JobMetrics metrics;

	private final Clock clock;

	JobRunner(Map<String, JobHandler> handlers, JobLedger ledger, JobLocks locks, JobSettings settings,
			JobMetrics metrics, Clock clock) {
		this.handlers = handlers;
		this.ledger = ledger;
		this.locks = locks;
		this.settings = settings;
		this.metrics = metrics;
		this.clock = clock;
	}

	/** The handlers by job type, checked for clashes once at start-up. */
	Map<String, JobHandler> handlers() {
		return this.handlers;
	}

	CustomTask<Void> task() {
		return Tasks.custom(TASK_NAME, Void.class)
			// A job whose worker vanished is revived by default; the ledger decides
			// whether an
			// attempt is left.
			.execute(this::execute);
	}

	private CompletionHandler<Void> execute(TaskInstance<Void> instance, ExecutionContext context) {
		UUID jobId;
		try {
			jobId = UUID.fromString(instance.getId());
		}
		catch (IllegalArgumentException notAJob) {
			logger.warn("Dropping execution {} with an id that is not a job id", instance.getId());
			return new CompletionHandler.OnCompleteRemove<>();
		}
		return run(jobId, () -> context.getSchedulerState().isShuttingDown());
	}

	/** One attempt of the job; what the execution should do next. */
	CompletionHandler<Void> run(UUID jobId, BooleanSupplier stopping) {
		Optional<JobView> found = this.ledger.find(jobId);
		if (found.isEmpty() || isFinished(found.get().state())) {
			return new CompletionHandler.OnCompleteRemove<>();
		}
		JobView job = found.get();
		JobHandler handler = this.handlers.get(job.type());
		Instant now = this.clock.instant();
		if (handler == null) {
			// During a rolling deploy an older instance may meet a job type only newer
			// ones
			// know: leave the job to them for a while before declaring it dead.
			if (job.createdAt().isAfter(now.minus(UNKNOWN_TYPE_PATIENCE))) {
				logger.warn("No handler for job type {} on this instance; job {} waits for one that has it", job.type(),
						jobId);
				return rescheduleAt(now.plus(UNKNOWN_TYPE_RETRY));
			}
			this.ledger.dead(jobId, "No handler for job type " + job.type() + " on any instance for "
					+ UNKNOWN_TYPE_PATIENCE.toMinutes() + " minutes", now);
			this.metrics.failed(job.type());
			return new CompletionHandler.OnCompleteRemove<>();
		}
		if (job.attempts() >= job.maxAttempts() && job.state() == JobState.RUNNING) {
			this.ledger.dead(jobId, "The worker running the last attempt was lost", now);
			this.metrics.failed(job.type());
			return new CompletionHandler.OnCompleteRemove<>();
		}
		String key = job.serialKey();
		if (key != null && !this.locks.tryClaim(key, jobId, now, now.plus(this.settings.serialLease()))) {
			return rescheduleAt(now.plus(this.settings.serialRetryDelay()));
		}
		try {
			return attempt(job, handler, stopping);
		}
		finally {
			if (key != null) {
				this.locks.release(key, jobId);
			}
		}
	}

	private CompletionHandler<Void> attempt(JobView job, JobHandler handler, BooleanSupplier stopping) {
		Optional<Integer> attempt = this.ledger.start(job.id(), this.clock.instant());
		if (attempt.isEmpty()) {
			return new CompletionHandler.OnCompleteRemove<>();
		}
		Runnable renewLease = (job.serialKey() != null) ? () -> this.locks.renew(job.serialKey(), job.id(),
				this.clock.instant().plus(this.settings.serialLease())) : () -> {
				};
		RunningJob context = new RunningJob(job.id(), job.payload(), attempt.get(), stopping, this.ledger, this.clock,
				renewLease);
		long started = System.nanoTime();
		try {
			handler.run(context);
			this.ledger.succeeded(job.id(), this.clock.instant());
			this.metrics.finished(job.type(), "succeeded", Duration.ofNanos(System.nanoTime() - started));
			return new CompletionHandler.OnCompleteRemove<>();
		}
		catch (Exception | LinkageError | AssertionError failure) {
			Duration took = Duration.ofNanos(System.nanoTime() - started);
			Instant now = this.clock.instant();
			if (stopping.getAsBoolean() && isInterruption(failure)) {
				this.ledger.handBack(job.id(), now);
				logger.info("Handing job {} ({}) back to the queue: this worker is stopping", job.id(), job.type());
				return rescheduleAt(now);
			}
			this.metrics.finished(job.type(), "failed", took);
			this.metrics.failed(job.type());
			String error = describe(failure);
			RetryPolicy policy = handler.retryPolicy();
			if (failure instanceof PermanentJobFailure || attempt.get() >= job.maxAttempts()) {
				logger.error("Job {} ({}) is dead after attempt {}: {}", job.id(), job.type(), attempt.get(), error,
						failure);
				this.ledger.dead(job.id(), error, now);
				return new CompletionHandler.OnCompleteRemove<>();
			}
			Instant next = now.plus(withJitter(policy.delayAfter(attempt.get())));
			logger.warn("Job {} ({}) attempt {} failed, retrying at {}: {}", job.id(), job.type(), attempt.get(), next,
					error);
			this.ledger.retrying(job.id(), error, next, now);
			return rescheduleAt(next);
		}
	}

	private static boolean isFinished(JobState state) {
		return state == JobState.SUCCEEDED || state == JobState.DEAD;
	}

	private static boolean isInterruption(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof InterruptedException) {
				return true;
			}
		}
		return Thread.currentThread().isInterrupted();
	}

	private static String describe(Throwable failure) {
		String message = failure.getMessage();
		return failure.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
	}

	private static Duration withJitter(Duration delay) {
		long millis = delay.toMillis();
		return Duration.ofMillis(millis + ThreadLocalRandom.current().nextLong(millis / 5 + 1));
	}

	private static CompletionHandler<Void> rescheduleAt(Instant next) {
		return (complete, operations) -> operations.reschedule(complete, next);
	}

	/** The context a handler sees; progress writes are throttled. */
	private static final class RunningJob implements JobContext {

		private static final Duration PROGRESS_INTERVAL = Duration.ofMillis(250);

		private final UUID id;

		private final String payload;

		private final int attempt;

		private final BooleanSupplier stopping;

		private final JobLedger ledger;

		private final Clock clock;

		private final Runnable renewLease;

		private Instant lastProgress = Instant.MIN;

		RunningJob(UUID id, String payload, int attempt, BooleanSupplier stopping, JobLedger ledger, Clock clock,
				Runnable renewLease) {
			this.renewLease = renewLease;
			this.id = id;
			this.payload = payload;
			this.attempt = attempt;
			this.stopping = stopping;
			this.ledger = ledger;
			this.clock = clock;
		}

		@Override
		public UUID jobId() {
			return this.id;
		}

		@Override
		public String payload() {
			return this.payload;
		}

		@Override
		public int attempt() {
			return this.attempt;
		}

		@Override
		public synchronized void progress(int percent, String message) {
			if (percent < 0 || percent > 100) {
				throw new IllegalArgumentException("percent must be 0 to 100: " + percent);
			}
			Instant now = this.clock.instant();
			if (percent < 100 && now.isBefore(this.lastProgress.plus(PROGRESS_INTERVAL))) {
				return;
			}
			this.lastProgress = now;
			this.ledger.progress(this.id, percent, message, now);
			// A job that reports progress is alive: its serial key stays claimed however
			// long it runs.
			this.renewLease.run();
		}

		@Override
		public boolean isStopping() {
			return this.stopping.getAsBoolean();
		}

	}

}
