package org.aula.platform.jobs;

import java.time.Instant;
import java.util.UUID;

import org.aula.platform.jdbc.Timestamps;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Serial keys claimed by running jobs. The primary key makes a claim atomic across
 * instances; a claim is re-entrant for the same job (a job taken over after its worker
 * died keeps its key) and expires after a lease, so a key cannot stay blocked forever.
 * Each call runs in its own short transaction.
 */
class JobLocks {

	private final JdbcClient jdbc;

	JobLocks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean tryClaim(String key, UUID jobId, Instant now, Instant until) {
		int taken = this.jdbc.sql("""
				update job_locks set job_id = :jobId, locked_until = :until
				where serial_key = :key and (job_id = :jobId or locked_until < :now)
				""")
			.param("key", key)
			.param("jobId", jobId)
			.param("now", Timestamps.of(now))
			.param("until", Timestamps.of(until))
			.update();
		if (taken == 1) {
			return true;
		}
		try {
			this.jdbc.sql("insert into job_locks (serial_key, job_id, locked_until) values (:key, :jobId, :until)")
				.param("key", key)
				.param("jobId", jobId)
				.param("until", Timestamps.of(until))
				.update();
			return true;
		}
		catch (DuplicateKeyException heldByAnother) {
			return false;
		}
	}

	void release(String key, UUID jobId) {
		this.jdbc.sql("delete from job_locks where serial_key = :key and job_id = :jobId")
			.param("key", key)
			.param("jobId", jobId)
			.update();
	}

	/** Extends a claim this job holds, so a long job keeps its key past the lease. */
	void renew(String key, UUID jobId, Instant until) {
		this.jdbc.sql("update job_locks set locked_until = :until where serial_key = :key and job_id = :jobId")
			.param("key", key)
			.param("jobId", jobId)
			.param("until", Timestamps.of(until))
			.update();
	}

}
