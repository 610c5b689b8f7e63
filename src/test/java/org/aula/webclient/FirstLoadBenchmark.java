package org.aula.webclient;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.aula.testsupport.Browser;

/**
 * First load of the catalog page in headless Chromium: bytes transferred, requests, and
 * the time until the client has rendered the page and answers input
 * ({@code aula-interactive}), on a fast connection and on an emulated slow laptop (CPU
 * slowed 4x, 1.6 Mbit/s with 150 ms of latency). A repeat visit shows what the immutable
 * assets save. Prints a Markdown table; run with {@code scripts/bench-first-load}.
 */
public final class FirstLoadBenchmark {

	private static final int RUNS = 5;

	private FirstLoadBenchmark() {
	}

	public static void main(String[] args) {
		try (WebFixture aula = WebFixture.start()) {
			String teacher = aula.token(WebFixture.TEACHER, WebFixture.DEMO_PASSWORD);
			for (int i = 1; i <= 30; i++) {
				aula.publishedCourse(teacher, "Course number " + i, (i % 3 == 0) ? "19.99" : "0", "First lesson");
			}
			System.out.println(
					"| condition | visit | transferred (KiB) | requests | DOMContentLoaded (ms) | interactive (ms) |");
			System.out.println("|---|---|---:|---:|---:|---:|");
			measure(aula.port(), "fast (no throttling)", false);
			measure(aula.port(), "slow laptop (CPU 4x slower, 1.6 Mbit/s, 150 ms RTT)", true);
		}
	}

	private static void measure(int port, String condition, boolean slow) {
		List<double[]> cold = new ArrayList<>();
		List<double[]> warm = new ArrayList<>();
		for (int run = 0; run < RUNS; run++) {
			try (Browser browser = Browser.open(port)) {
				if (slow) {
					browser.driver().executeCdpCommand("Emulation.setCPUThrottlingRate", Map.of("rate", 4));
					browser.driver().executeCdpCommand("Network.enable", Map.of());
					browser.driver()
						.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 150,
								"downloadThroughput", 1_600_000 / 8, "uploadThroughput", 750_000 / 8));
				}
				browser.go("/catalog");
				cold.add(sample(browser));
				browser.go("/catalog");
				warm.add(sample(browser));
			}
		}
		print(condition, "first", cold);
		print(condition, "repeat", warm);
	}

	private static double[] sample(Browser browser) {
		browser.script(
				"return new Promise((done) => { const check = () => performance.getEntriesByName('aula-interactive').length"
						+ " ? done() : setTimeout(check, 10); check(); })");
		@SuppressWarnings("unchecked")
		List<Number> values = (List<Number>) browser.script("""
				const navigation = performance.getEntriesByType('navigation')[0];
				const resources = performance.getEntriesByType('resource');
				const bytes = navigation.transferSize + resources.reduce((sum, r) => sum + r.transferSize, 0);
				return [bytes, 1 + resources.length, navigation.domContentLoadedEventEnd,
				  performance.getEntriesByName('aula-interactive')[0].startTime];
				""");
		return values.stream().mapToDouble(Number::doubleValue).toArray();
	}

	private static void print(String condition, String visit, List<double[]> samples) {
		double[] median = new double[4];
		for (int column = 0; column < 4; column++) {
			int c = column;
			double[] sorted = samples.stream().mapToDouble((sample) -> sample[c]).sorted().toArray();
			median[column] = sorted[sorted.length / 2];
		}
		System.out.println(String.format(Locale.ROOT, "| %s | %s | %.1f | %.0f | %.0f | %.0f |", condition, visit,
				median[0] / 1024, median[1], median[2], median[3]));
	}

}
