package org.aula.platform.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * {@code aula.jobs.queue{state}}: jobs per state, read from the ledger at most once per
 * refresh interval, so a scrape never costs more than one grouped count.
 * {@code aula.jobs.duration{type,outcome}} and {@code aula.jobs.failures{type}} are
 * recorded by the worker that ran the attempt.
 */
class JobMetrics {

	private final MeterRegistry registry;

	private final Supplier<Map<JobState, Long>> counts;

	private final Duration refresh;

	private final Clock clock;

	private Map<JobState, Long> lastCounts = new EnumMap<>(JobState.class);

	private Instant lastRead = Instant.MIN;

	JobMetrics(MeterRegistry registry, Supplier<Map<JobState, Long>> counts, Duration refresh, Clock clock) {
		this.registry = registry;
		this.counts = counts;
		this.refresh = refresh;
		this.clock = clock;
		for (JobState state : JobState.values()) {
			Gauge.builder("aula.jobs.queue", () -> count(state))
				.description("Jobs in the ledger by state")
				.tag("state", state.name().toLowerCase())
				.register(registry);
		}
	}

	void finished(String type, String outcome, Duration took) {
		Timer.builder("aula.jobs.duration")
			.description("Time a job attempt took")
			.tag("type", type)
			.tag("outcome", outcome)
			.register(this.registry)
			.record(took);
	}

	void failed(String type) {
		Counter.builder("aula.jobs.failures")
			.description("Job attempts that failed")
			.tag("type", type)
			.register(this.registry)
			.increment();
	}

	/** A schedule's tick ran again and found its job already enqueued. */
	void duplicateTick(String schedule) {
		Counter.builder("aula.jobs.recurring.duplicate-ticks")
			.description("Ticks of a recurring job that ran more than once")
			.tag("schedule", schedule)
			.register(this.registry)
			.increment();
	}

	private synchronized double count(JobState state) {
		Instant now = this.clock.instant();
		if (now.isAfter(this.lastRead.plus(this.refresh))) {
			try {
				this.lastCounts = this.counts.get();
			}
			catch (RuntimeException databaseDown) {
				// Keep the last known numbers: a scrape must not fail because the
				// database
				// is briefly away; readiness reports that.
			}
			this.lastRead = now;
		}
		return this.lastCounts.getOrDefault(state, 0L);
	}

}
