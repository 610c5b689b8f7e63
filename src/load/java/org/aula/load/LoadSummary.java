package org.aula.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the Markdown summary of the last load test run from Gatling's report and the
 * target's samples, prints it, and exits with 1 when one of the simulation's assertions
 * (the thresholds that fail a run) did not hold. Aula's own, stricter targets are reported
 * as PASS or FAIL lines but never fail the run.
 *
 * <p>
 * Arguments: {@code --run=<the run's name> --results=<Gatling results folder>
 * --metrics=<samples file> --out=<summary file>}, and {@code --print=false} to write the
 * summary without printing it.
 */
public final class LoadSummary {

	/** Aula's targets, stricter than the run's own thresholds. */
	static final double TARGET_P95_MILLIS = 200;

	static final double TARGET_P99_MILLIS = 500;

	static final double TARGET_ERROR_PERCENT = 0.1;

	static final double TARGET_PEAK_REQUESTS_PER_SECOND = 500;

	static final int TARGET_PEAK_USERS = 3000;

	private LoadSummary() {
	}

	public static void main(String[] args) throws IOException {
		Map<String, String> options = new HashMap<>();
		for (String arg : args) {
			int equals = arg.indexOf('=');
			if (!arg.startsWith("--") || equals < 0) {
				throw new IllegalArgumentException("Expected --name=value, not " + arg);
			}
			options.put(arg.substring(2, equals), arg.substring(equals + 1));
		}
		String name = required(options, "run");
		Path metrics = Path.of(required(options, "metrics"));
		JsonNode run = Files.isRegularFile(metrics) ? JsonMapper.builder().build().readTree(metrics.toFile()) : null;
		// Gatling is told not to fail the build itself, so that this summary is written
		// whatever happened: a run that did not start or finish fails here.
		if (run == null || !name.equals(run.path("run").asString(""))) {
			fail("The simulation of run " + name + " did not start; see Gatling's output above.");
		}
		if (!run.path("endedAt").isNumber()) {
			fail("The simulation of run " + name + " did not finish; see Gatling's output above.");
		}
		GatlingReport report = GatlingReport.read(GatlingReport.of(Path.of(required(options, "results")), name));
		String markdown = markdown(run, report);
		Path out = Path.of(required(options, "out"));
		Files.writeString(out, markdown);
		if (!"false".equals(options.get("print"))) {
			System.out.println();
			System.out.println(markdown);
		}
		System.out.println("Summary: " + out.toAbsolutePath());
		System.out.println("Report:  " + report.directory().resolve("index.html").toAbsolutePath());
		List<GatlingReport.Verdict> broken = report.assertions().stream().filter((verdict) -> !verdict.held()).toList();
		if (report.assertions().isEmpty()) {
			fail("Gatling's report states no assertion verdicts, so the thresholds were not checked.");
		}
		if (!broken.isEmpty()) {
			fail("The load test failed its thresholds: "
					+ String.join("; ", broken.stream().map(GatlingReport.Verdict::text).toList()));
		}
	}

	static String markdown(JsonNode run, GatlingReport report) {
		GatlingReport.Row global = report.global();
		int peakUsers = run.path("peakUsers").asInt();
		Instant started = Instant.ofEpochMilli(run.path("startedAt").asLong());
		StringBuilder md = new StringBuilder();
		md.append("# Aula load test: ")
			.append(run.path("profile").asString())
			.append(", ")
			.append(peakUsers)
			.append(" users\n\n");
		md.append("| | |\n|---|---|\n");
		md.append("| Target | ").append(run.path("url").asString()).append(" |\n");
		md.append("| Profile | ")
			.append(run.path("profile").asString())
			.append(": ")
			.append(run.path("shape").asString())
			.append(" |\n");
		md.append("| Peak users | ").append(peakUsers).append(" |\n");
		md.append("| Started | ").append(started).append(" |\n");
		md.append("| Duration | ").append(report.duration()).append(" |\n");
		md.append("| Requests | ")
			.append(global.count())
			.append(" (")
			.append(global.failed())
			.append(" failed, ")
			.append(percent(global.failedPercent()))
			.append(") |\n");
		md.append("| Mean throughput | ").append(decimal(global.perSecond())).append(" req/s |\n");
		md.append("| Response time | p50 ")
			.append(global.p50())
			.append(" ms, p95 ")
			.append(global.p95())
			.append(" ms, p99 ")
			.append(global.p99())
			.append(" ms, max ")
			.append(global.max())
			.append(" ms |\n\n");

		md.append("## Requests\n\n| request | count | p95 ms | errors |\n|---|---:|---:|---:|\n");
		for (GatlingReport.Row row : report.requests()) {
			md.append("| ")
				.append(row.name())
				.append(" | ")
				.append(row.count())
				.append(" | ")
				.append(row.p95())
				.append(" | ")
				.append(row.failed())
				.append(" |\n");
		}

		md.append("\n## Thresholds of the run (fail it)\n\n");
		for (GatlingReport.Verdict verdict : report.assertions()) {
			md.append("- ").append(verdict.held() ? "PASS" : "FAIL").append(" ").append(verdict.text()).append('\n');
		}

		md.append("\n## Aula's targets (reported only)\n\n");
		md.append(line(global.p95() < TARGET_P95_MILLIS, "p95 < 200 ms: " + global.p95() + " ms"));
		md.append(line(global.p99() < TARGET_P99_MILLIS, "p99 < 500 ms: " + global.p99() + " ms"));
		md.append(line(global.failedPercent() < TARGET_ERROR_PERCENT,
				"errors < 0.1 %: " + percent(global.failedPercent())));
		if (peakUsers >= TARGET_PEAK_USERS) {
			Instant holdStart = started.plusSeconds(run.path("peakHoldStartSeconds").asLong());
			Instant holdEnd = started.plusSeconds(run.path("rampDownStartSeconds").asLong());
			double atPeak = report.meanRequestsPerSecond(holdStart, holdEnd);
			md.append(line(atPeak > TARGET_PEAK_REQUESTS_PER_SECOND,
					"> 500 req/s at the peak of " + peakUsers + " users: " + decimal(atPeak) + " req/s"));
		}
		else {
			md.append("- n/a > 500 req/s at peak: the run peaked at ")
				.append(peakUsers)
				.append(" users, below ")
				.append(TARGET_PEAK_USERS)
				.append('\n');
		}

		if (!report.errors().isEmpty()) {
			md.append("\n## Errors\n\n| error | count |\n|---|---:|\n");
			report.errors()
				.stream()
				.limit(10)
				.forEach((error) -> md.append("| ")
					.append(error.message().replace("|", "\\|"))
					.append(" | ")
					.append(error.count())
					.append(" |\n"));
		}

		md.append(target(run));
		return md.toString();
	}

	/** The target's resources while it ran, from the samples. */
	private static String target(JsonNode run) {
		List<JsonNode> samples = new ArrayList<>();
		run.path("samples").forEach(samples::add);
		StringBuilder md = new StringBuilder("\n## Target process (sampled every 5 s)\n\n");
		if (samples.isEmpty()) {
			return md.append("No samples: ")
				.append(run.path("url").asString())
				.append("/actuator/prometheus did not answer and no process id was given.\n")
				.toString();
		}
		md.append("| | mean | max |\n|---|---:|---:|\n");
		md.append(stat("RSS (MiB)", samples, (sample) -> number(sample, "rssBytes") / (1024 * 1024),
				"- (no process id: -Daula.pid=<pid>)"));
		md.append(stat("CPU (% of all cores)", samples, (sample) -> number(sample, "cpu") * 100, "-"));
		md.append(stat("JVM memory used (MiB)", samples,
				(sample) -> number(sample, "memoryUsedBytes") / (1024 * 1024), "-"));
		md.append(stat("GC pause, longest recent (ms)", samples,
				(sample) -> number(sample, "gcPauseMaxSeconds") * 1000, "-"));
		JsonNode first = samples.stream().filter((sample) -> !sample.path("gcPauses").isNull()).findFirst().orElse(null);
		JsonNode last = samples.reversed()
			.stream()
			.filter((sample) -> !sample.path("gcPauses").isNull())
			.findFirst()
			.orElse(null);
		if (first != null && last != null && first != last) {
			double pauses = last.path("gcPauses").asDouble() - first.path("gcPauses").asDouble();
			double seconds = last.path("gcPauseSeconds").asDouble() - first.path("gcPauseSeconds").asDouble();
			double wall = (last.path("at").asLong() - first.path("at").asLong()) / 1000.0;
			md.append("\nGC pauses during the run: ")
				.append(Math.round(pauses))
				.append(", ")
				.append(decimal(seconds * 1000))
				.append(" ms in all (")
				.append(percent((wall > 0) ? seconds * 100 / wall : 0))
				.append(" of the time), mean ")
				.append(decimal((pauses > 0) ? seconds * 1000 / pauses : 0))
				.append(" ms.\n");
		}
		return md.append("Samples: ").append(samples.size()).append(".\n").toString();
	}

	private static String stat(String label, List<JsonNode> samples, Function<JsonNode, Double> value,
			String missing) {
		double[] values = samples.stream().map(value).filter((v) -> !v.isNaN()).mapToDouble(Double::doubleValue).toArray();
		if (values.length == 0) {
			return "| " + label + " | " + missing + " | |\n";
		}
		double mean = java.util.Arrays.stream(values).average().orElse(Double.NaN);
		double max = java.util.Arrays.stream(values).max().orElse(Double.NaN);
		return "| " + label + " | " + decimal(mean) + " | " + decimal(max) + " |\n";
	}

	private static double number(JsonNode sample, String field) {
		JsonNode value = sample.path(field);
		return value.isNumber() ? value.asDouble() : Double.NaN;
	}

	private static String line(boolean pass, String text) {
		return "- " + (pass ? "PASS" : "FAIL") + " " + text + "\n";
	}

	private static String percent(double value) {
		return String.format(Locale.ROOT, "%.2f %%", value);
	}

	private static String decimal(double value) {
		return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.1f", value);
	}

	private static String required(Map<String, String> options, String name) {
		String value = options.get(name);
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("Missing --" + name + "=...");
		}
		return value;
	}

	private static void fail(String message) {
		System.err.println(message);
		System.exit(1);
	}

}
