package org.aula.platform.jobs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.aula.platform.jdbc.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code jobs} table. Every state change is a conditional update on the expected
 * state, so two workers racing over one job cannot both move it.
 */
class JobLedger {

	private static final int MAX_ERROR_LENGTH = 2000;

	private static final int MAX_MESSAGE_LENGTH = 200;

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	JobLedger(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Inserts a queued job unless one with this id exists; true when inserted. */
	boolean insert(UUID id, JobRequest request, int maxAttempts, Instant now) {
		if (find(id).isPresent()) {
			return false;
		}
		this.jdbc.sql("""
				insert into jobs (id, type, payload, serial_key, state, attempts, max_attempts, created_at, updated_at)
				values (:id, :type, :payload, :serialKey, 'QUEUED', 0, :maxAttempts, :now, :now)
				""")
			.param("id", id)
			.param("type", request.type())
			.param("payload", request.payload())
			.param("serialKey", request.serialKey())
			.param("maxAttempts", maxAttempts)
			.param("now", Timestamps.of(now))
			.update();
		return true;
	}

	Optional<JobView> find(UUID id) {
		return this.jdbc.sql("select * from jobs where id = :id").param("id", id).query(JobLedger::view).optional();
	}

	List<JobView> page(JobState state, String type, int limit, long offset) {
		return filtered("select *", state, type, " order by created_at desc, id limit :limit offset :offset")
			.param("limit", limit)
			.param("offset", offset)
			.query(JobLedger::view)
			.list();
	}

	long count(JobState state, String type) {
		return filtered("select count(*)", state, type, "").query(Long.class).single();
	}

	/** {@code select} from jobs, narrowed to the state and type that are not null. */
	private JdbcClient.StatementSpec filtered(String select, JobState state, String type, String suffix) {
		String where = ((state != null) ? " and state = :state" : "") + ((type != null) ? " and type = :type" : "");
		JdbcClient.StatementSpec spec = this.jdbc.sql(select + " from jobs where 1 = 1" + where + suffix);
		if (state != null) {
			spec = spec.param("state", state.name());
		}
		if (type != null) {
			spec = spec.param("type", type);
		}
		return spec;
	}

	Map<JobState, Long> countsByState() {
		Map<JobState, Long> counts = new EnumMap<>(JobState.class);
		for (JobState state : JobState.values()) {
			counts.put(state, 0L);
		}
		this.jdbc.sql("select state, count(*) as n from jobs group by state")
			.query((rs, row) -> counts.put(JobState.valueOf(rs.getString("state")), rs.getLong("n")))
			.list();
		return counts;
	}

	/**
	 * Starts an attempt of a job that is queued, retrying, or running on a worker that
	 * was lost; returns the attempt number, or empty when the job is finished.
	 */
	Optional<Integer> start(UUID id, Instant now) {
		int updated = this.jdbc.sql("""
				update jobs set state = 'RUNNING', attempts = attempts + 1, started_at = :now,
				  next_attempt_at = null, updated_at = :now
				where id = :id and state in ('QUEUED', 'RETRYING', 'RUNNING')
				""").param("id", id).param("now", Timestamps.of(now)).update();
		if (updated == 0) {
			return Optional.empty();
		}
		return Optional.of(this.jdbc.sql("select attempts from jobs where id = :id")
			.param("id", id)
			.query(Integer.class)
			.single());
	}

	void succeeded(UUID id, Instant now) {
		this.jdbc.sql("""
				update jobs set state = 'SUCCEEDED', progress = case when progress is null then null else 100 end,
				  finished_at = :now, updated_at = :now
				where id = :id and state = 'RUNNING'
				""").param("id", id).param("now", Timestamps.of(now)).update();
	}

	void retrying(UUID id, String error, Instant nextAttempt, Instant now) {
		this.jdbc.sql("""
				update jobs set state = 'RETRYING', last_error = :error, next_attempt_at = :next, updated_at = :now
				where id = :id and state = 'RUNNING'
				""")
			.param("id", id)
			.param("error", truncate(error, MAX_ERROR_LENGTH))
			.param("next", Timestamps.of(nextAttempt))
			.param("now", Timestamps.of(now))
			.update();
	}

	void dead(UUID id, String error, Instant now) {
		this.jdbc.sql("""
				update jobs set state = 'DEAD', last_error = :error, finished_at = :now, updated_at = :now
				where id = :id and state in ('RUNNING', 'QUEUED', 'RETRYING')
				""")
			.param("id", id)
			.param("error", truncate(error, MAX_ERROR_LENGTH))
			.param("now", Timestamps.of(now))
			.update();
	}

	/**
	 * Hands a job back to the queue without counting the attempt (the worker stopped).
	 */
	void handBack(UUID id, Instant now) {
		this.jdbc.sql("""
				update jobs set state = 'QUEUED', attempts = attempts - 1, updated_at = :now
				where id = :id and state = 'RUNNING' and attempts > 0
				""").param("id", id).param("now", Timestamps.of(now)).update();
	}

	/** Makes a dead or retrying job run again now with a fresh set of attempts. */
	boolean requeue(UUID id, Instant now) {
		return this.jdbc.sql("""
				update jobs set state = 'QUEUED', attempts = 0, next_attempt_at = null, finished_at = null,
				  updated_at = :now
				where id = :id and state in ('DEAD', 'RETRYING')
				""").param("id", id).param("now", Timestamps.of(now)).update() == 1;
	}

	/**
	 * Written in a transaction of its own: visible at once, even mid-way through the
	 * handler's.
	 */
	void progress(UUID id, int percent, String message, Instant now) {
		this.ownTransaction.executeWithoutResult((status) -> this.jdbc.sql("""
				update jobs set progress = :percent, progress_message = :message, updated_at = :now
				where id = :id and state = 'RUNNING'
				""")
			.param("id", id)
			.param("percent", percent)
			.param("message", truncate(message, MAX_MESSAGE_LENGTH))
			.param("now", Timestamps.of(now))
			.update());
	}

	/**
	 * Deletes finished jobs older than the cutoff, at most {@code limit}; returns how
	 * many.
	 */
	int deleteFinishedBefore(Instant cutoff, int limit) {
		List<UUID> ids = this.jdbc.sql("""
				select id from jobs where state = 'SUCCEEDED' and finished_at < :cutoff
				order by finished_at limit :limit
				""").param("cutoff", Timestamps.of(cutoff)).param("limit", limit).query(UUID.class).list();
		if (ids.isEmpty()) {
			return 0;
		}
		return this.jdbc.sql("delete from jobs where id in (:ids)").param("ids", new ArrayList<>(ids)).update();
	}

	private static String truncate(String text, int max) {
		return (text == null || text.length() <= max) ? text : text.substring(0, max - 1) + "…";
	}

	private static JobView view(ResultSet rs, int row) throws SQLException {
		int progress = rs.getInt("progress");
		Integer maybeProgress = rs.wasNull() ? null : progress;
		return new JobView(rs.getObject("id", UUID.class), rs.getString("type"),
				JobState.valueOf(rs.getString("state")), rs.getString("payload"), rs.getString("serial_key"),
				rs.getInt("attempts"), rs.getInt("max_attempts"), maybeProgress, rs.getString("progress_message"),
				rs.getString("last_error"), Timestamps.read(rs, "created_at"), Timestamps.read(rs, "started_at"),
				Timestamps.read(rs, "finished_at"), Timestamps.read(rs, "next_attempt_at"));
	}

}
