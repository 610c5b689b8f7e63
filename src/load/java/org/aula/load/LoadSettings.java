package org.aula.load;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

/**
 * What a run of the load test is told on the command line ({@code -Dname=value}, passed on
 * by the Maven profile {@code load}).
 *
 * @param url the base URL of the Aula under test
 * @param profile the shape of the run
 * @param peakUsers the virtual users at the top of the shape
 * @param seed the data generator's seed: part of every student's email address
 * @param students how many students the generator made; virtual user k signs in as
 * student ((k - 1) mod students) + 1
 * @param pid the target's process id on this machine, for its resident memory; 0 when
 * unknown
 * @param maxP95Millis the global 95th percentile that fails the run when reached
 * @param maxErrorPercent the share of failed requests that fails the run when reached
 * @param metricsFile where the target's sampled metrics are written for the summary
 * @param run this run's name: Gatling's run description, and part of every chat message id
 * and idempotency key so that repeated runs on the same data never collide
 */
record LoadSettings(URI url, LoadProfile profile, int peakUsers, int seed, int students, long pid,
		double maxP95Millis, double maxErrorPercent, Path metricsFile, String run) {

	static final String PASSWORD = "aula-load-2026";

	LoadSettings {
		if (peakUsers < 1) {
			throw new IllegalArgumentException("users must be at least 1, not " + peakUsers);
		}
		if (!run.matches("[A-Za-z0-9._-]{1,32}")) {
			throw new IllegalArgumentException("load.run must be 1 to 32 of A-Z a-z 0-9 . _ -, not " + run);
		}
		if (students < 1) {
			throw new IllegalArgumentException("students must be at least 1, not " + students);
		}
		String scheme = url.getScheme();
		if (!"http".equals(scheme) && !"https".equals(scheme)) {
			throw new IllegalArgumentException("aula.url must be an http or https URL, not " + url);
		}
	}

	static LoadSettings from(Properties properties) {
		LoadProfile profile = LoadProfile.valueOf(
				value(properties, "profile", "seed").toUpperCase(Locale.ROOT).replace('-', '_'));
		String url = value(properties, "aula.url", "http://localhost:8080");
		return new LoadSettings(URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url), profile,
				Integer.parseInt(value(properties, "users", String.valueOf(profile.defaultPeakUsers()))),
				Integer.parseInt(value(properties, "seed", "1")),
				Integer.parseInt(value(properties, "students", "10000")),
				Long.parseLong(value(properties, "aula.pid", "0")),
				Double.parseDouble(value(properties, "assert.p95", "500")),
				Double.parseDouble(value(properties, "assert.errors", "1")),
				Path.of(value(properties, "load.metrics", "target/load-metrics.json")),
				value(properties, "load.run", Long.toString(System.currentTimeMillis(), 36)));
	}

	/** An unset or blank property (Maven passes empty ones) takes the default. */
	private static String value(Properties properties, String name, String fallback) {
		String value = properties.getProperty(name);
		return (value == null || value.isBlank()) ? fallback : value.strip();
	}

	/** The student that virtual user {@code userId} (1-based) signs in as. */
	int studentOf(long userId) {
		return (int) ((userId - 1) % this.students) + 1;
	}

	String emailOf(int student) {
		return "student" + student + "@seed" + this.seed + ".aula.local";
	}

	/** The chat socket's address: the same host and path base over ws or wss. */
	String webSocketUrl() {
		return this.url.toString().replaceFirst("^http", "ws");
	}

}
