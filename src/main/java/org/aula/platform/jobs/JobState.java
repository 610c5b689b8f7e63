package org.aula.platform.jobs;

/** Where a job is in its life. */
public enum JobState {

	/** Waiting for a worker. */
	QUEUED,

	/** A worker runs it now. */
	RUNNING,

	/** The last attempt failed; the next one starts at {@code nextAttemptAt}. */
	RETRYING,

	/** Done. */
	SUCCEEDED,

	/** Failed every attempt, or failed permanently: waits for an admin to retry it. */
	DEAD

}
