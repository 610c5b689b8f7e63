package org.aula.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.json.JsonMapper;

/**
 * Samples the target while the simulation runs: every 5 s its Prometheus meters (CPU,
 * GC pauses, JVM memory) and, when its process id is known, its resident
 * memory from {@code /proc}. At the end it writes them, with the run's settings, for
 * {@link LoadSummary}. A sample that cannot be taken is skipped; the run goes on.
 */
final class TargetSampler {

	static final Duration INTERVAL = Duration.ofSeconds(5);

	private final LoadSettings settings;

	private final LoadShape shape;

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final List<Sample> samples = new ArrayList<>();

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "aula-target-sampler");
		thread.setDaemon(true);
		return thread;
	});

	private long startedAt;

	TargetSampler(LoadSettings settings, LoadShape shape) {
		this.settings = settings;
		this.shape = shape;
	}

	void start() {
		this.startedAt = System.currentTimeMillis();
		// Replaces the previous run's file at once: without an end it says this run did
		// not finish.
		write(null);
		this.timer.scheduleAtFixedRate(this::sample, 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
	}

	void stop() {
		this.timer.shutdown();
		try {
			this.timer.awaitTermination(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		sample();
		write(System.currentTimeMillis());
	}

	private void sample() {
		Map<String, Double> meters = meters();
		Long rss = residentBytes(this.settings.pid());
		if (meters.isEmpty() && rss == null) {
			return;
		}
		Sample sample = new Sample(System.currentTimeMillis(), meters.get("process_cpu_usage"),
				meters.get("jvm_gc_pause_seconds_count"), meters.get("jvm_gc_pause_seconds_sum"),
				meters.get("jvm_gc_pause_seconds_max"), meters.get("jvm_memory_used_bytes"), rss);
		synchronized (this.samples) {
			this.samples.add(sample);
		}
	}

	/** The meters this summary reads, each summed over its label sets (max for a max). */
	private Map<String, Double> meters() {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.settings.url() + "/actuator/prometheus"))
			.header("Accept", "text/plain;version=0.0.4")
			.timeout(Duration.ofSeconds(3))
			.build();
		try {
			HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
			return (response.statusCode() == 200) ? parse(response.body()) : Map.of();
		}
		catch (IOException ex) {
			return Map.of();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Map.of();
		}
	}

	static Map<String, Double> parse(String exposition) {
		Map<String, Double> meters = new LinkedHashMap<>();
		for (String line : exposition.split("\n")) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			int nameEnd = line.indexOf('{');
			int valueStart = line.lastIndexOf(' ');
			if (valueStart < 0) {
				continue;
			}
			String name = line.substring(0, (nameEnd >= 0) ? nameEnd : valueStart).strip();
			double value;
			try {
				value = Double.parseDouble(line.substring(valueStart + 1).strip());
			}
			catch (NumberFormatException ex) {
				continue;
			}
			if (Double.isNaN(value)) {
				continue;
			}
			meters.merge(name, value, name.endsWith("_max") ? Math::max : Double::sum);
		}
		return meters;
	}

	private static Long residentBytes(long pid) {
		if (pid <= 0) {
			return null;
		}
		try {
			for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
				if (line.startsWith("VmRSS:")) {
					String[] parts = line.substring("VmRSS:".length()).strip().split("\\s+");
					return Long.parseLong(parts[0]) * 1024;
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// The process is gone or not on this machine: no RSS.
		}
		return null;
	}

	private void write(Long endedAt) {
		Map<String, Object> run = new LinkedHashMap<>();
		run.put("run", this.settings.run());
		run.put("url", this.settings.url().toString());
		run.put("profile", this.settings.profile().name().toLowerCase(Locale.ROOT));
		run.put("peakUsers", this.shape.peakUsers());
		run.put("shape", this.shape.describe());
		run.put("startedAt", this.startedAt);
		run.put("endedAt", endedAt);
		run.put("peakHoldStartSeconds", this.shape.peakHoldStart().toSeconds());
		run.put("rampDownStartSeconds", this.shape.rampDownStart().toSeconds());
		run.put("maxP95Millis", this.settings.maxP95Millis());
		run.put("maxErrorPercent", this.settings.maxErrorPercent());
		run.put("pid", this.settings.pid());
		synchronized (this.samples) {
			run.put("samples", List.copyOf(this.samples));
		}
		try {
			Files.createDirectories(this.settings.metricsFile().toAbsolutePath().getParent());
			JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValue(this.settings.metricsFile(), run);
		}
		catch (IOException | RuntimeException ex) {
			System.err.println("Could not write " + this.settings.metricsFile() + ": " + ex);
		}
	}

	/**
	 * One sample; a meter the target did not report is null.
	 *
	 * @param at when it was taken, epoch milliseconds
	 * @param cpu {@code process_cpu_usage}: the share of all cores the JVM used recently
	 * @param gcPauses {@code jvm_gc_pause_seconds_count}, all collectors
	 * @param gcPauseSeconds {@code jvm_gc_pause_seconds_sum}, all collectors
	 * @param gcPauseMaxSeconds {@code jvm_gc_pause_seconds_max}: the longest recent pause
	 * @param memoryUsedBytes {@code jvm_memory_used_bytes}, heap and non-heap
	 * @param rssBytes resident memory of the process
	 */
	record Sample(long at, Double cpu, Double gcPauses, Double gcPauseSeconds, Double gcPauseMaxSeconds,
			Double memoryUsedBytes, Long rssBytes) {
	}

}
