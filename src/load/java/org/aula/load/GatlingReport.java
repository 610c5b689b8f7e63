package org.aula.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The numbers of one run as Gatling's HTML report states them: its statistics table, its
 * assertion verdicts, its errors and its requests-per-second chart. Gatling 3.15 writes no
 * JSON statistics and a binary {@code simulation.log}; the report is its only readable
 * result, so this reads the report and refuses, rather than guesses, when its layout
 * differs.
 *
 * @param directory the run's report directory
 * @param duration Gatling's own statement of the run's length, e.g. "4m 59s"
 * @param global the "All Requests" row
 * @param requests one row per request name, in the report's order
 * @param assertions the assertions and whether each held
 * @param errors the failures by message
 * @param requestsPerSecond requests sent in each second of the run, oldest first
 */
record GatlingReport(Path directory, String duration, Row global, List<Row> requests, List<Verdict> assertions,
		List<Error> errors, List<Second> requestsPerSecond) {

	private static final Pattern ROW = Pattern
		.compile("class=\"ellipsed-name\">([^<]*)</span>(.*?)</tr>", Pattern.DOTALL);

	private static final Pattern CELL = Pattern.compile("<td class=\"value [^\"]*\">([^<]*)</td>");

	private static final Pattern ASSERTION = Pattern.compile(
			"<td class=\"error-col-1[^\"]*\">\\s*(.*?)\\s*<span[^>]*>[^<]*</span>\\s*</td>\\s*<td class=\"error-col-2[^\"]*\">(OK|KO)</td>",
			Pattern.DOTALL);

	private static final Pattern ASSERTIONS_TABLE = Pattern
		.compile("id=\"container_assertions\".*?<tbody>(.*?)</tbody>", Pattern.DOTALL);

	private static final Pattern ERRORS_TABLE = Pattern.compile("id=\"container_errors\".*?<tbody>(.*?)</tbody>",
			Pattern.DOTALL);

	private static final Pattern DESCRIPTION = Pattern
		.compile("simulation-information-label\">Description: </span>\\s*<span>([^<]*)</span>");

	private static final Pattern ERROR_ROW = Pattern.compile(
			"<td class=\"error-col-1[^\"]*\">\\s*(.*?)\\s*(?:<span[^>]*>[^<]*</span>\\s*)?</td>\\s*<td class=\"value error-col-2[^\"]*\">([0-9]+)</td>",
			Pattern.DOTALL);

	private static final Pattern DURATION = Pattern
		.compile("simulation-information-label\">Duration: </span>\\s*<span>([^<]*)</span>");

	private static final Pattern REQUESTS_CHART = Pattern.compile(
			"Number of requests per second</span>.*?name: 'All',\\s*data: \\[(.*?)\\]\\s*,?\\s*tooltip",
			Pattern.DOTALL);

	private static final Pattern POINT = Pattern.compile("\\[(\\d+), (\\d+)\\]");

	/**
	 * The report of the run that Gatling was given {@code run} as its description: the
	 * newest, should there be several.
	 */
	static Path of(Path results, String run) {
		try (Stream<Path> runs = Files.list(results)) {
			return runs.filter((directory) -> run.equals(description(directory.resolve("index.html"))))
				.max(Comparator.comparing(Path::getFileName))
				.orElseThrow(() -> new IllegalStateException(
						"Gatling wrote no report for run " + run + " in " + results + "; see its output above"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list the Gatling results in " + results, ex);
		}
	}

	private static String description(Path index) {
		if (!Files.isRegularFile(index)) {
			return null;
		}
		try {
			Matcher description = DESCRIPTION.matcher(Files.readString(index));
			return description.find() ? unescape(description.group(1)) : null;
		}
		catch (IOException ex) {
			return null;
		}
	}

	static GatlingReport read(Path directory) throws IOException {
		return parse(directory, Files.readString(directory.resolve("index.html")));
	}

	static GatlingReport parse(Path directory, String html) {
		List<Row> rows = new ArrayList<>();
		Matcher row = ROW.matcher(html);
		while (row.find()) {
			List<String> cells = new ArrayList<>();
			Matcher cell = CELL.matcher(row.group(2));
			while (cell.find()) {
				cells.add(cell.group(1).strip());
			}
			if (cells.size() != 13) {
				throw layoutChanged("a statistics row of '" + row.group(1) + "' has " + cells.size() + " values, not 13");
			}
			rows.add(Row.of(unescape(row.group(1)), cells));
		}
		if (rows.isEmpty() || !rows.getFirst().name().equals("All Requests")) {
			throw layoutChanged("no 'All Requests' row in the statistics table");
		}
		List<Verdict> assertions = new ArrayList<>();
		Matcher assertionsTable = ASSERTIONS_TABLE.matcher(html);
		if (assertionsTable.find()) {
			Matcher assertion = ASSERTION.matcher(assertionsTable.group(1));
			while (assertion.find()) {
				assertions.add(new Verdict(unescape(assertion.group(1)), assertion.group(2).equals("OK")));
			}
		}
		List<Error> errors = new ArrayList<>();
		Matcher table = ERRORS_TABLE.matcher(html);
		if (table.find()) {
			Matcher error = ERROR_ROW.matcher(table.group(1));
			while (error.find()) {
				errors.add(new Error(unescape(error.group(1)), Long.parseLong(error.group(2))));
			}
		}
		Matcher duration = DURATION.matcher(html);
		List<Second> seconds = new ArrayList<>();
		Matcher chart = REQUESTS_CHART.matcher(html);
		if (chart.find()) {
			Matcher point = POINT.matcher(chart.group(1));
			while (point.find()) {
				seconds.add(new Second(Instant.ofEpochMilli(Long.parseLong(point.group(1))),
						Long.parseLong(point.group(2))));
			}
		}
		return new GatlingReport(directory, duration.find() ? duration.group(1).strip() : "?", rows.getFirst(),
				List.copyOf(rows.subList(1, rows.size())), assertions, errors, seconds);
	}

	/** Mean requests per second from {@code from} (inclusive) to {@code to} (exclusive). */
	double meanRequestsPerSecond(Instant from, Instant to) {
		List<Second> window = this.requestsPerSecond.stream()
			.filter((second) -> !second.start().isBefore(from) && second.start().isBefore(to))
			.toList();
		return window.isEmpty() ? Double.NaN
				: window.stream().mapToLong(Second::requests).sum() / (double) window.size();
	}

	private static IllegalStateException layoutChanged(String detail) {
		return new IllegalStateException("Gatling's report is not laid out as GatlingReport expects (" + detail
				+ "); was Gatling upgraded? Update org.aula.load.GatlingReport.");
	}

	private static String unescape(String html) {
		return html.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&quot;", "\"")
			.replace("&#39;", "'")
			.replace("&#x27;", "'")
			.replace("&amp;", "&")
			.replaceAll("\\s+", " ")
			.strip();
	}

	/**
	 * One line of the statistics table; times in milliseconds.
	 *
	 * @param name the request name, or "All Requests"
	 * @param count requests sent
	 * @param failed requests that failed (KO)
	 * @param perSecond mean requests per second over the run
	 */
	record Row(String name, long count, long failed, double perSecond, long min, long p50, long p75, long p95,
			long p99, long max, long mean) {

		static Row of(String name, List<String> cells) {
			return new Row(name, number(cells.get(0)), number(cells.get(2)), decimal(cells.get(4)),
					number(cells.get(5)), number(cells.get(6)), number(cells.get(7)), number(cells.get(8)),
					number(cells.get(9)), number(cells.get(10)), number(cells.get(11)));
		}

		double failedPercent() {
			return (this.count > 0) ? this.failed * 100.0 / this.count : 0;
		}

		/** A row with no successful request shows "-" for its times: read as 0. */
		private static long number(String cell) {
			return cell.equals("-") ? 0 : Math.round(decimal(cell));
		}

		private static double decimal(String cell) {
			return cell.equals("-") ? 0 : Double.parseDouble(cell.replace(",", ""));
		}

	}

	/**
	 * One of the simulation's assertions and Gatling's verdict on it.
	 *
	 * @param text Gatling's wording, e.g. "Global: 95th percentile of response time is
	 * less than 500.0"
	 * @param held whether it held
	 */
	record Verdict(String text, boolean held) {
	}

	/**
	 * A failure message and how often it occurred.
	 */
	record Error(String message, long count) {
	}

	/**
	 * Requests sent in one second of the run.
	 */
	record Second(Instant start, long requests) {
	}

}
