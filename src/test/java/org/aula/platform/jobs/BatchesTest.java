package org.aula.platform.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.transaction.support.TransactionOperations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchesTest {

	private final RecordingJob job = new RecordingJob();

	@Test
	void repeatsUntilABatchComesUpShort() throws InterruptedException {
		Rows rows = new Rows(7);

		long done = Batches.of(this.job, TransactionOperations.withoutTransaction(), 3, 1).repeat("rows", rows::take);

		assertThat(done).isEqualTo(7);
		assertThat(rows.left).isZero();
		assertThat(rows.batches).containsExactly(3, 3, 1);
	}

	@Test
	void anExactMultipleEndsWithOneEmptyBatch() throws InterruptedException {
		Rows rows = new Rows(6);

		long done = Batches.of(this.job, TransactionOperations.withoutTransaction(), 3, 1).repeat("rows", rows::take);

		assertThat(done).isEqualTo(6);
		assertThat(rows.batches).containsExactly(3, 3, 0);
	}

	@Test
	void stopsBetweenBatchesWhenTheInstanceStops() {
		Rows rows = new Rows(10);
		this.job.stopAfterChecks = 2;

		assertThatThrownBy(
				() -> Batches.of(this.job, TransactionOperations.withoutTransaction(), 3, 1).repeat("rows", rows::take))
			.isInstanceOf(InterruptedException.class);
		assertThat(rows.batches).containsExactly(3, 3);
		assertThat(rows.left).isEqualTo(4);
	}

	@Test
	void reportsProgressStepByStepWithASummary() throws InterruptedException {
		Batches batches = Batches.of(this.job, TransactionOperations.withoutTransaction(), 2, 2);

		batches.repeat("tokens", new Rows(3)::take);
		batches.repeat("invitations", 100, new Rows(0)::take);

		assertThat(this.job.progress).containsExactly("0% 2 tokens", "50% 3 tokens", "100% 3 tokens, 0 invitations");
		assertThat(batches.summary()).isEqualTo("3 tokens, 0 invitations");
	}

	@Test
	void aKnownSizeMovesTheProgressWithinTheStep() throws InterruptedException {
		Batches.of(this.job, TransactionOperations.withoutTransaction(), 2, 1).repeat("entries", 8, new Rows(8)::take);

		assertThat(this.job.progress).containsExactly("25% 2 entries", "50% 4 entries", "75% 6 entries",
				"100% 8 entries", "100% 8 entries");
	}

	@Test
	void refusesMoreStepsThanAnnounced() throws InterruptedException {
		Batches batches = Batches.of(this.job, TransactionOperations.withoutTransaction(), 2, 1);
		batches.repeat("rows", new Rows(0)::take);

		assertThatThrownBy(() -> batches.repeat("more rows", new Rows(0)::take))
			.isInstanceOf(IllegalStateException.class);
	}

	/** A table of rows that batches take from. */
	private static final class Rows {

		int left;

		final List<Integer> batches = new ArrayList<>();

		Rows(int left) {
			this.left = left;
		}

		int take(int limit) {
			int taken = Math.min(limit, this.left);
			this.left -= taken;
			this.batches.add(taken);
			return taken;
		}

	}

	private static final class RecordingJob implements JobContext {

		final List<String> progress = new ArrayList<>();

		int stopAfterChecks = Integer.MAX_VALUE;

		private int checks;

		@Override
		public UUID jobId() {
			return UUID.randomUUID();
		}

		@Override
		public String payload() {
			return "";
		}

		@Override
		public int attempt() {
			return 1;
		}

		@Override
		public void progress(int percent, String message) {
			this.progress.add(percent + "% " + message);
		}

		@Override
		public boolean isStopping() {
			return this.checks++ >= this.stopAfterChecks;
		}

	}

}
