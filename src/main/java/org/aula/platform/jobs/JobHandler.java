package org.aula.platform.jobs;

/**
 * Runs the jobs of one type. Implementations are Spring beans in the module that owns the
 * work.
 * <p>
 * A handler must be idempotent: a worker can die after the effect and before the job is
 * marked done, and the job then runs again on another instance. Running it twice must
 * have the effect of running it once (check a state column, rely on a unique key, and so
 * on).
 * <p>
 * Throwing retries the job with exponential backoff until
 * {@link RetryPolicy#maxAttempts()} is reached; then it is {@code DEAD} until an admin
 * retries it. Throw {@link PermanentJobFailure} when retrying cannot help.
 */
public interface JobHandler {

	/**
	 * The job type this handler runs: dotted lower-case words, unique per application.
	 */
	String type();

	/**
	 * How often and how fast a failing job is retried.
	 * @return the policy, {@link RetryPolicy#DEFAULT} unless overridden
	 */
	default RetryPolicy retryPolicy() {
		return RetryPolicy.DEFAULT;
	}

	/**
	 * Does the work.
	 * @param job the job's payload, attempt and progress reporting
	 * @throws Exception to fail this attempt
	 */
	void run(JobContext job) throws Exception;

	/**
	 * A handler whose work is a lambda, for jobs that need no state of their own.
	 * @param type the job type
	 * @param work what a run does
	 * @return the handler, with {@link RetryPolicy#DEFAULT}
	 */
	static JobHandler of(String type, Work work) {
		return new JobHandler() {

			@Override
			public String type() {
				return type;
			}

			@Override
			public void run(JobContext job) throws Exception {
				work.run(job);
			}

		};
	}

	/** The work of a handler made with {@link #of}. */
	@FunctionalInterface
	interface Work {

		void run(JobContext job) throws Exception;

	}

}
