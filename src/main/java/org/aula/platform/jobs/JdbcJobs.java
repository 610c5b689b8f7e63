package org.aula.platform.jobs;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;

import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes the ledger row and db-scheduler's execution on the caller's connection, so both
 * commit or roll back with the business write. After the commit, a local worker is nudged
 * to look for due jobs instead of waiting for its next poll.
 */
class JdbcJobs implements Jobs {

	private final JobLedger ledger;

	private final SchedulerClient client;

	private final Map<String, JobHandler> handlers;

	private final Runnable wakeWorker;

	private final Clock clock;

	JdbcJobs(JobLedger ledger, SchedulerClient client, Map<String, JobHandler> handlers, Runnable wakeWorker,
			Clock clock) {
		this.ledger = ledger;
		this.client = client;
		this.handlers = handlers;
		this.wakeWorker = wakeWorker;
		this.clock = clock;
	}

	@Override
	public UUID enqueue(JobRequest request) {
		UUID id = UUID.randomUUID();
		enqueueOnce(id, request);
		return id;
	}

	/**
	 * Enqueues the job with this id unless it exists: how a recurring tick stays one job
	 * even if its worker dies after enqueueing and the tick runs again.
	 * @return whether a job was created
	 */
	boolean enqueueOnce(UUID id, JobRequest request) {
		Objects.requireNonNull(request, "request");
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalTransactionStateException(
					"A job must be enqueued in the transaction of the write that causes it");
		}
		JobHandler handler = this.handlers.get(request.type());
		if (handler == null) {
			throw new IllegalArgumentException("No handler for job type " + request.type());
		}
		Instant now = this.clock.instant();
		if (!this.ledger.insert(id, request, handler.retryPolicy().maxAttempts(), now)) {
			return false;
		}
		this.client.scheduleIfNotExists(execution(id), now);
		wakeAfterCommit();
		return true;
	}

	/**
	 * Runs a dead or retrying job again now, with its attempts reset.
	 * @return whether the job was in a state that can be retried
	 */
	boolean retry(UUID id) {
		if (!this.ledger.requeue(id, this.clock.instant())) {
			return false;
		}
		this.client.schedule(execution(id), this.clock.instant(),
				SchedulerClient.ScheduleOptions.WHEN_EXISTS_RESCHEDULE);
		wakeAfterCommit();
		return true;
	}

	private void wakeAfterCommit() {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				JdbcJobs.this.wakeWorker.run();
			}
		});
	}

	static TaskInstance<Void> execution(UUID jobId) {
		return new TaskInstance<>(JobRunner.TASK_NAME, jobId.toString());
	}

}
