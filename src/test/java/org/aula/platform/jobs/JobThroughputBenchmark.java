package org.aula.platform.jobs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.aula.testsupport.ExternalServices;
import org.aula.testsupport.RunningAula;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How many jobs per second the queue drains on PostgreSQL with one and with two worker
 * instances. The workers are paused while the backlog is enqueued and resumed together;
 * the clock runs from the resume until every job is {@code SUCCEEDED}. Jobs do nothing,
 * so this measures the queue's own cost: claiming, the ledger's updates and removal.
 * <p>
 * Run: {@code ./mvnw -B -Pbench test-compile exec:exec
 * -Dbench.main=org.aula.platform.jobs.JobThroughputBenchmark -Dbench.args="20000 4"}
 * (jobs per run, worker threads per instance).
 */
public final class JobThroughputBenchmark {

	private JobThroughputBenchmark() {
	}

	public static void main(String[] args) {
		int jobs = (args.length > 0) ? Integer.parseInt(args[0]) : 20_000;
		int threads = (args.length > 1) ? Integer.parseInt(args[1]) : 4;
		ExternalServices.requirePostgres();
		System.out.printf("jobs=%d, worker threads per instance=%d, cores=%d%n", jobs, threads,
				Runtime.getRuntime().availableProcessors());
		// A warm-up run lets the JIT and the pools settle before anything is measured.
		measure(1, Math.min(jobs, 5_000), threads, false);
		double one = measure(1, jobs, threads, true);
		double two = measure(2, jobs, threads, true);
		System.out.printf("ratio two/one instances: %.2f%n", two / one);
		System.exit(0);
	}

	private static double measure(int instances, int jobs, int threads, boolean report) {
		Map<String, String> settings = new LinkedHashMap<>(RunningAula.sharedServices());
		settings.put("aula.demo.enabled", "false");
		settings.put("aula.jobs.worker.threads", Integer.toString(threads));
		settings.put("aula.jobs.worker.polling-interval", "500ms");
		settings.put("logging.level.root", "WARN");
		List<RunningAula> nodes = new ArrayList<>();
		try {
			for (int i = 0; i < instances; i++) {
				nodes.add(RunningAula.start(settings, NoopJob.class));
			}
			nodes.forEach((node) -> node.bean(JobWorker.class).pause());
			RunningAula first = nodes.get(0);
			for (int done = 0; done < jobs; done += 1_000) {
				int batch = Math.min(1_000, jobs - done);
				JobQueueContract.transactions(first).executeWithoutResult((tx) -> {
					Jobs queue = first.bean(Jobs.class);
					for (int i = 0; i < batch; i++) {
						queue.enqueue(JobRequest.of("bench.noop", ""));
					}
				});
			}
			JdbcClient jdbc = first.bean(JdbcClient.class);
			long started = System.nanoTime();
			nodes.forEach((node) -> node.bean(JobWorker.class).resume());
			nodes.forEach((node) -> node.bean(JobWorker.class).wake());
			while (succeeded(jdbc) < jobs) {
				sleep(Duration.ofMillis(50));
			}
			double seconds = (System.nanoTime() - started) / 1e9;
			double rate = jobs / seconds;
			if (report) {
				System.out.printf("instances=%d: %d jobs in %.2f s = %.0f jobs/s%n", instances, jobs, seconds, rate);
			}
			return rate;
		}
		finally {
			nodes.forEach(RunningAula::close);
		}
	}

	private static long succeeded(JdbcClient jdbc) {
		return jdbc.sql("select count(*) from jobs where state = 'SUCCEEDED'").query(Long.class).single();
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class NoopJob {

		@Bean
		JobHandler noopJob() {
			return new JobHandler() {

				@Override
				public String type() {
					return "bench.noop";
				}

				@Override
				public void run(JobContext job) {
				}
			};
		}

	}

}
