package org.aula.reports;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

import org.aula.catalog.CourseRef;
import org.aula.catalog.Courses;
import org.aula.platform.web.ProblemTypes;
import org.aula.reports.SalesDaily.Stored;
import org.aula.reports.SalesReport.Revenue;
import org.aula.reports.SalesReport.Row;
import org.aula.reports.SalesReport.Total;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

import static java.util.stream.Collectors.toMap;

/**
 * Builds sales reports from the {@code sales_daily} aggregate only, with the courses'
 * codes and titles from the catalog in one lookup.
 */
@Service
class SalesReports {

	static final URI REPORT_TOO_LARGE = ProblemTypes.of("report-too-large");

	private static final int LOOKUP_BATCH = 1000;

	private final SalesDaily salesDaily;

	private final Courses courses;

	private final ReportSettings settings;

	SalesReports(SalesDaily salesDaily, Courses courses, ReportSettings settings) {
		this.salesDaily = salesDaily;
		this.courses = courses;
		this.settings = settings;
	}

	/**
	 * The report.
	 * @throws ErrorResponseException a 400 {@code report-too-large} problem when it would
	 * have more than {@code aula.reports.max-rows} rows
	 */
	@Transactional(readOnly = true)
	SalesReport report(ReportQuery query) {
		// Read before the rows: the rows are then at least as fresh as what it says.
		Instant refreshedAt = this.salesDaily.refreshedAt().orElse(null);
		int limit = this.settings.maxRows() + 1;
		List<Stored> stored = switch (query.granularity()) {
			case DAY -> this.salesDaily.byDay(query.range(), query.courseId(), limit);
			case MONTH -> this.salesDaily.byMonth(query.range(), query.courseId(), limit);
		};
		if (stored.size() > this.settings.maxRows()) {
			throw tooLarge(this.settings.maxRows());
		}
		Map<UUID, CourseRef> known = courses(stored.stream().map(Stored::courseId).distinct().toList());
		List<Row> rows = rows(stored, known);
		return new SalesReport(query.range().from(), query.range().to(), query.granularity().label(), query.courseId(),
				refreshedAt, rows, totals(rows));
	}

	/**
	 * The catalog's courses, a query per {@value #LOOKUP_BATCH} ids: one for any usual
	 * report, and never more ids in one query than a database accepts as parameters.
	 */
	private Map<UUID, CourseRef> courses(List<UUID> ids) {
		Map<UUID, CourseRef> known = new HashMap<>();
		for (int start = 0; start < ids.size(); start += LOOKUP_BATCH) {
			known.putAll(this.courses.findAllById(ids.subList(start, Math.min(ids.size(), start + LOOKUP_BATCH)))
				.stream()
				.collect(toMap(CourseRef::id, Function.identity(), (a, b) -> a)));
		}
		return known;
	}

	private static List<Row> rows(List<Stored> stored, Map<UUID, CourseRef> known) {
		Map<List<Object>, List<Stored>> byPeriodAndCourse = new LinkedHashMap<>();
		for (Stored row : stored) {
			byPeriodAndCourse.computeIfAbsent(List.of(row.period(), row.courseId()), (key) -> new ArrayList<>())
				.add(row);
		}
		List<Row> rows = new ArrayList<>();
		for (List<Stored> group : byPeriodAndCourse.values()) {
			Stored first = group.get(0);
			CourseRef course = known.get(first.courseId());
			long enrolments = 0;
			long sales = 0;
			List<Revenue> revenue = new ArrayList<>();
			for (Stored row : group) {
				enrolments += row.enrolments();
				if (row.currency() != null) {
					sales += row.sales();
					revenue.add(new Revenue(row.currency(), row.sales(), row.revenue()));
				}
			}
			revenue.sort(Comparator.comparing(Revenue::currency));
			rows.add(new Row(first.period(), first.courseId(), (course != null) ? course.code() : null,
					(course != null) ? course.title() : null, enrolments, sales, List.copyOf(revenue)));
		}
		rows.sort(Comparator.comparing(Row::period)
			.thenComparing(Row::courseCode, Comparator.nullsLast(Comparator.naturalOrder()))
			.thenComparing(Row::courseId));
		return List.copyOf(rows);
	}

	private static List<Total> totals(List<Row> rows) {
		Map<String, List<Row>> byPeriod = new TreeMap<>();
		for (Row row : rows) {
			byPeriod.computeIfAbsent(row.period(), (period) -> new ArrayList<>()).add(row);
		}
		List<Total> totals = new ArrayList<>();
		byPeriod.forEach((period, periodRows) -> {
			long enrolments = 0;
			long sales = 0;
			Map<String, long[]> counts = new TreeMap<>();
			Map<String, BigDecimal> amounts = new TreeMap<>();
			for (Row row : periodRows) {
				enrolments += row.enrolments();
				sales += row.sales();
				for (Revenue revenue : row.revenue()) {
					counts.computeIfAbsent(revenue.currency(), (currency) -> new long[1])[0] += revenue.sales();
					amounts.merge(revenue.currency(), revenue.amount(), BigDecimal::add);
				}
			}
			List<Revenue> revenue = amounts.entrySet()
				.stream()
				.map((entry) -> new Revenue(entry.getKey(), counts.get(entry.getKey())[0], entry.getValue()))
				.toList();
			totals.add(new Total(period, enrolments, sales, revenue));
		});
		return List.copyOf(totals);
	}

	private static ErrorResponseException tooLarge(int maxRows) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The report would have more"
				+ " than " + maxRows + " rows: choose a shorter range, month granularity or one course.");
		problem.setType(REPORT_TOO_LARGE);
		problem.setTitle("Report too large");
		return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
	}

}
