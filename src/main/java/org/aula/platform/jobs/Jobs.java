package org.aula.platform.jobs;

import java.util.UUID;

/**
 * Enqueues background jobs.
 * <p>
 * {@link #enqueue} writes the job within the caller's transaction
 * ({@code Propagation.MANDATORY}): the job exists if and only if that transaction
 * commits, so a crash between the business write and the enqueue can neither lose the job
 * nor create a spurious one. Any worker instance may run it once the transaction commits.
 */
public interface Jobs {

	/**
	 * Queues a job to run as soon as a worker is free.
	 * @param request what to run
	 * @return the id of the job, as shown by {@code /api/admin/jobs/{id}}
	 * @throws org.springframework.transaction.IllegalTransactionStateException when no
	 * transaction is active
	 * @throws IllegalArgumentException when no {@link JobHandler} handles the request's
	 * type
	 */
	UUID enqueue(JobRequest request);

}
