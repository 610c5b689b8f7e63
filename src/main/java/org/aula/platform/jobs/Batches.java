package org.aula.platform.jobs;

import java.util.Objects;
import java.util.function.IntUnaryOperator;

import org.springframework.transaction.support.TransactionOperations;

/**
 * Bulk work of a job done in short transactions of at most {@code batchSize} rows each,
 * such as deleting or moving old rows: no statement holds many locks or runs long, and a
 * job that dies half-way keeps what its finished batches did, so the next run only
 * continues. Every batch must therefore leave the data consistent on its own.
 * <p>
 * A job made of several steps (one per table, say) reports its progress step by step:
 * <pre>{@code
 * Batches batches = Batches.of(job, transactions, 1000, 2);
 * long tokens = batches.repeat("refresh tokens", (limit) -> tokens.deleteExpired(cutoff, limit));
 * long resets = batches.repeat("password resets", (limit) -> resets.deleteExpired(cutoff, limit));
 * }</pre>
 */
public final class Batches {

	private final JobContext job;

	private final TransactionOperations transactions;

	private final int batchSize;

	private final int steps;

	private int step;

	private final StringBuilder summary = new StringBuilder();

	private Batches(JobContext job, TransactionOperations transactions, int batchSize, int steps) {
		this.job = Objects.requireNonNull(job, "job");
		this.transactions = Objects.requireNonNull(transactions, "transactions");
		if (batchSize < 1) {
			throw new IllegalArgumentException("batchSize must be at least 1");
		}
		if (steps < 1) {
			throw new IllegalArgumentException("steps must be at least 1");
		}
		this.batchSize = batchSize;
		this.steps = steps;
	}

	/**
	 * Prepares the batched work of a job.
	 * @param job the running job, for progress and for stopping with its instance
	 * @param transactions how each batch gets a transaction of its own
	 * @param batchSize the most rows one batch may touch
	 * @param steps how many times {@link #repeat} will be called, for the progress
	 * @return the batches
	 */
	public static Batches of(JobContext job, TransactionOperations transactions, int batchSize, int steps) {
		return new Batches(job, transactions, batchSize, steps);
	}

	/**
	 * One step whose size is not known in advance.
	 * @see #repeat(String, long, IntUnaryOperator)
	 */
	public long repeat(String what, IntUnaryOperator batch) throws InterruptedException {
		return repeat(what, -1, batch);
	}

	/**
	 * Runs {@code batch} in a transaction of its own, again and again, until a batch
	 * touches fewer rows than the batch size. Between batches it records the progress and
	 * stops if the instance is shutting down.
	 * @param what the rows, for the progress message, such as {@code "refresh tokens"}
	 * @param expected how many rows the step will probably touch, for the percentage, or
	 * a negative number when unknown
	 * @param batch given the most rows it may touch, does one batch and returns how many
	 * rows it touched
	 * @return the rows touched in all
	 * @throws InterruptedException when the instance is stopping: the job is handed to
	 * another instance, which continues where this one stopped
	 */
	public long repeat(String what, long expected, IntUnaryOperator batch) throws InterruptedException {
		if (this.step >= this.steps) {
			throw new IllegalStateException("More steps than the " + this.steps + " announced");
		}
		long done = 0;
		while (true) {
			if (this.job.isStopping()) {
				throw new InterruptedException("Stopping after " + done + " " + what);
			}
			Integer touched = this.transactions.execute((status) -> batch.applyAsInt(this.batchSize));
			int rows = (touched != null) ? touched : 0;
			done += rows;
			if (rows < this.batchSize) {
				break;
			}
			this.job.progress(percent(done, expected), summaryWith(done + " " + what));
		}
		this.step++;
		this.summary.append((this.summary.isEmpty()) ? "" : ", ").append(done).append(' ').append(what);
		this.job.progress(percent(0, -1), this.summary.toString());
		return done;
	}

	/**
	 * What the finished steps did, such as {@code "12 refresh tokens, 0 invitations"}.
	 * @return the summary, empty before the first step ends
	 */
	public String summary() {
		return this.summary.toString();
	}

	private String summaryWith(String current) {
		return (this.summary.isEmpty()) ? current : this.summary + ", " + current;
	}

	private int percent(long done, long expected) {
		double withinStep = (expected > 0) ? Math.min(1.0, (double) done / expected) : 0.0;
		return (int) Math.min(100, Math.floor(100.0 * (this.step + withinStep) / this.steps));
	}

}
