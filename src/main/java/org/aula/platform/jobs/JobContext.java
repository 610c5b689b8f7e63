package org.aula.platform.jobs;

import java.util.UUID;

/** What a running job knows about itself, and how it reports progress. */
public interface JobContext {

	UUID jobId();

	String payload();

	/** 1 on the first run, 2 on the first retry, and so on. */
	int attempt();

	/**
	 * Records how far the job is, visible at once in {@code /api/admin/jobs/{id}}.
	 * Written outside the handler's own transaction, and at most a few times per second.
	 * @param percent 0 to 100
	 * @param message a short note such as {@code "1200 of 5000 rows"}, or null
	 */
	void progress(int percent, String message);

	/**
	 * Whether this instance is shutting down. A long job should stop at the next safe
	 * point by throwing {@link InterruptedException}: it is handed to another instance
	 * without counting as a failed attempt.
	 */
	boolean isStopping();

}
