package org.aula.platform.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Test job handlers and what they observed. State is static, so several instances in one
 * JVM (a cluster) report into the same place; each test uses its own payloads.
 */
@TestConfiguration(proxyBeanMethods = false)
class JobProbe {

	/** Completed effects per payload: what "exactly once" is measured on. */
	static final Map<String, AtomicInteger> effects = new ConcurrentHashMap<>();

	/** Attempts started per payload. */
	static final Map<String, AtomicInteger> starts = new ConcurrentHashMap<>();

	/** How many more times a flaky payload fails. */
	static final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();

	/** Released when a blocking job may finish its first start. */
	static final Map<String, CountDownLatch> releases = new ConcurrentHashMap<>();

	/** Start and end of each run of serial jobs. */
	static final List<Instant[]> serialRuns = new CopyOnWriteArrayList<>();

	static int effectsOf(String payload) {
		AtomicInteger count = effects.get(payload);
		return (count != null) ? count.get() : 0;
	}

	static int startsOf(String payload) {
		AtomicInteger count = starts.get(payload);
		return (count != null) ? count.get() : 0;
	}

	private static int started(String payload) {
		return starts.computeIfAbsent(payload, (key) -> new AtomicInteger()).incrementAndGet();
	}

	private static void effect(String payload) {
		effects.computeIfAbsent(payload, (key) -> new AtomicInteger()).incrementAndGet();
	}

	@Bean
	JobHandler recordingJob() {
		return handler("test.record", RetryPolicy.DEFAULT, (job) -> {
			started(job.payload());
			effect(job.payload());
		});
	}

	@Bean
	JobHandler flakyJob() {
		return handler("test.flaky", new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(200)), (job) -> {
			started(job.payload());
			AtomicInteger left = failuresLeft.get(job.payload());
			if (left != null && left.getAndDecrement() > 0) {
				throw new IllegalStateException("failing on purpose, attempt " + job.attempt());
			}
			effect(job.payload());
		});
	}

	@Bean
	JobHandler doomedJob() {
		return handler("test.doomed", new RetryPolicy(2, Duration.ofMillis(50), Duration.ofMillis(50)), (job) -> {
			started(job.payload());
			AtomicInteger left = failuresLeft.get(job.payload());
			if (left != null && left.getAndDecrement() > 0) {
				throw new IllegalStateException("still broken");
			}
			effect(job.payload());
		});
	}

	/**
	 * Blocks its first start until released. A payload starting {@code stubborn:} ignores
	 * interrupts, like a worker that hangs and must be presumed dead.
	 */
	@Bean
	JobHandler blockingJob() {
		return handler("test.block", RetryPolicy.DEFAULT, (job) -> {
			int start = started(job.payload());
			if (start == 1) {
				job.progress(10, "waiting to be released");
				CountDownLatch release = releases.computeIfAbsent(job.payload(), (key) -> new CountDownLatch(1));
				if (job.payload().startsWith("stubborn:")) {
					while (!awaitUninterruptibly(release)) {
						Thread.onSpinWait();
					}
				}
				else {
					release.await();
				}
			}
			effect(job.payload());
		});
	}

	@Bean
	JobHandler serialJob() {
		return handler("test.serial", RetryPolicy.DEFAULT, (job) -> {
			Instant start = Instant.now();
			Thread.sleep(150);
			serialRuns.add(new Instant[] { start, Instant.now() });
			effect(job.payload());
		});
	}

	/** Runs longer than the test's serial lease, reporting progress as it goes. */
	@Bean
	JobHandler longSerialJob() {
		return handler("test.long-serial", RetryPolicy.DEFAULT, (job) -> {
			Instant start = Instant.now();
			for (int step = 1; step <= 8; step++) {
				Thread.sleep(300);
				job.progress(step * 12, "step " + step);
			}
			serialRuns.add(new Instant[] { start, Instant.now() });
			effect(job.payload());
		});
	}

	@Bean
	JobHandler tickJob() {
		return handler("test.tick", RetryPolicy.DEFAULT, (job) -> effect("tick:" + job.jobId()));
	}

	@Bean
	RecurringJob ticker(@Value("${test.ticker.cron:-}") String cron) {
		return new RecurringJob("test.ticker", cron, JobRequest.of("test.tick", ""));
	}

	private static boolean awaitUninterruptibly(CountDownLatch latch) {
		try {
			return latch.await(50, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ignored) {
			return false;
		}
	}

	private static JobHandler handler(String type, RetryPolicy policy, Body body) {
		return new JobHandler() {

			@Override
			public String type() {
				return type;
			}

			@Override
			public RetryPolicy retryPolicy() {
				return policy;
			}

			@Override
			public void run(JobContext job) throws Exception {
				body.run(job);
			}
		};
	}

	@FunctionalInterface
	private interface Body {

		void run(JobContext job) throws Exception;

	}

}
