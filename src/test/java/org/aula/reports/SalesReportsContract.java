package org.aula.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.aula.catalog.CourseRef;
import org.aula.identity.tokens.AccessTokens;
import org.aula.identity.tokens.TestAccessTokens;
import org.aula.platform.jobs.JobRequest;
import org.aula.platform.jobs.Jobs;
import org.aula.platform.jobs.RecurringJob;
import org.aula.testsupport.HttpApi;
import org.aula.testsupport.HttpApi.Response;
import org.aula.testsupport.RunningAula;
import org.aula.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sales reports through real HTTP, run once on the embedded mode and once on
 * PostgreSQL: purchases go through the enrolment API, refreshes through the admin
 * endpoint and the job queue, and the reports are read as JSON and CSV.
 * <p>
 * Purchases made through the API all happen today; the tests of past days and months
 * write their enrolments and sales into learning's tables directly, as if made then, each
 * test in a year of its own so that the tests stay independent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SalesReportsContract {

	private static final AccessTokens TOKENS = TestAccessTokens.signedWith(TestTokens.SECRET);

	private static final int MAX_ROWS = 50;

	RunningAula aula;

	HttpApi http;

	JdbcClient jdbc;

	String admin;

	/** Settings of the mode under test, a fresh database each time it is called. */
	abstract Map<String, String> modeSettings();

	@BeforeAll
	void start() {
		Map<String, String> settings = new LinkedHashMap<>(modeSettings());
		settings.put("aula.demo.enabled", "false");
		settings.put("AULA_RATELIMIT_API_PER_MINUTE", "100000");
		// Refreshes run only when a test asks: a scheduled one would hide what it checks.
		settings.put("aula.reports.refresh-cron", "-");
		settings.put("aula.reports.max-rows", Integer.toString(MAX_ROWS));
		this.aula = RunningAula.start(settings, ReportCourses.class);
		this.http = this.aula.http();
		this.jdbc = this.aula.bean(JdbcClient.class);
		this.admin = token("ADMIN");
	}

	@AfterAll
	void stop() {
		if (this.aula != null) {
			this.aula.close();
		}
	}

	@Test
	void reportsPurchasesPerCourseAndDayKeepingCurrenciesApart() {
		CourseRef algebra = ReportCourses.add("Algebra, \"the hard parts\"", "49.90", "EUR");
		CourseRef nandu = ReportCourses.add("Ñandú 世界\nsecond line", "10.00", "USD");
		CourseRef free = ReportCourses.add("Free, for all", "0", "EUR");
		List<Purchase> purchases = new ArrayList<>();
		purchases.add(buy(algebra));
		purchases.add(buy(algebra));
		algebra = ReportCourses.reprice(algebra, "30.00", "USD");
		purchases.add(buy(algebra));
		purchases.add(buy(nandu));
		purchases.add(buy(free));
		purchases.add(buy(free));

		awaitSucceeded(refresh(""));

		LocalDate first = purchases.stream().map(Purchase::day).min(LocalDate::compareTo).orElseThrow();
		LocalDate last = purchases.stream().map(Purchase::day).max(LocalDate::compareTo).orElseThrow();
		for (CourseRef course : List.of(algebra, nandu, free)) {
			JsonNode report = report("from=" + first + "&to=" + last + "&course=" + course.id());
			assertThat(figures(report)).as(course.title())
				.isEqualTo(expected(purchases.stream().filter((p) -> p.courseId().equals(course.id())).toList()));
			assertThat(report.get("courseId").asString()).isEqualTo(course.id().toString());
			for (JsonNode row : report.get("rows")) {
				assertThat(row.get("courseCode").asString()).isEqualTo(course.code());
				assertThat(row.get("courseTitle").asString()).isEqualTo(course.title());
			}
			assertThat(totalsOf(report)).isEqualTo(totalsOfRows(report));
		}
		JsonNode algebraReport = report("from=" + first + "&to=" + last + "&course=" + algebra.id());
		assertThat(revenueByCurrency(algebraReport)).containsExactly(Map.entry("EUR", "2:99.80"),
				Map.entry("USD", "1:30.00"));
		assertThat(sum(algebraReport.get("rows"), "enrolments")).isEqualTo(3);
		assertThat(sum(algebraReport.get("rows"), "sales")).isEqualTo(3);
		JsonNode freeReport = report("from=" + first + "&to=" + last + "&course=" + free.id());
		assertThat(sum(freeReport.get("rows"), "enrolments")).isEqualTo(2);
		assertThat(revenueByCurrency(freeReport)).isEmpty();
	}

	@Test
	void countsUtcDaysAndCalendarMonthsAndOnlyCompletedSales() {
		History history = seedHistory(2019);

		JsonNode refreshed = awaitSucceeded(refresh("?from=2019-01-01&to=2019-12-31"));

		assertThat(refreshed.get("progress").asInt()).isEqualTo(100);
		assertThat(refreshed.get("progressMessage").asString()).startsWith("365 of 365 days");
		assertThat(refreshed.get("serialKey").asString()).isEqualTo("reports.sales");
		UUID h1 = history.h1().id();
		UUID h2 = history.h2().id();
		JsonNode byDay = report("from=2019-03-01&to=2019-04-30");
		assertThat(byDay.get("granularity").asString()).isEqualTo("day");
		assertThat(figures(byDay)).isEqualTo(Map.of(key("2019-03-31", h1, ""), "E2", key("2019-03-31", h1, "EUR"),
				"S2:40.00", key("2019-04-01", h1, ""), "E1", key("2019-04-01", h1, "EUR"), "S1:20.00",
				key("2019-04-01", h2, ""), "E2", key("2019-04-01", h2, "GBP"), "S1:15.50", key("2019-04-01", h2, "USD"),
				"S1:5.25", key("2019-04-15", h1, ""), "E2"));
		assertThat(totalsOf(byDay)).isEqualTo(Map.of("2019-03-31", "E2 S2 EUR:2:40.00", "2019-04-01",
				"E3 S3 EUR:1:20.00 GBP:1:15.50 USD:1:5.25", "2019-04-15", "E2 S0"));

		JsonNode byMonth = report("from=2019-03-01&to=2019-04-30&granularity=month");
		assertThat(byMonth.get("granularity").asString()).isEqualTo("month");
		assertThat(figures(byMonth)).isEqualTo(Map.of(key("2019-03", h1, ""), "E2", key("2019-03", h1, "EUR"),
				"S2:40.00", key("2019-04", h1, ""), "E3", key("2019-04", h1, "EUR"), "S1:20.00", key("2019-04", h2, ""),
				"E2", key("2019-04", h2, "GBP"), "S1:15.50", key("2019-04", h2, "USD"), "S1:5.25"));
		assertThat(totalsOf(byMonth))
			.isEqualTo(Map.of("2019-03", "E2 S2 EUR:2:40.00", "2019-04", "E5 S3 EUR:1:20.00 GBP:1:15.50 USD:1:5.25"));

		JsonNode oneCourse = report("from=2019-03-01&to=2019-04-30&granularity=month&course=" + h2);
		assertThat(figures(oneCourse)).isEqualTo(Map.of(key("2019-04", h2, ""), "E2", key("2019-04", h2, "GBP"),
				"S1:15.50", key("2019-04", h2, "USD"), "S1:5.25"));
		assertThat(totalsOf(oneCourse)).isEqualTo(Map.of("2019-04", "E2 S2 GBP:1:15.50 USD:1:5.25"));

		JsonNode wholeYear = report("from=2019-01-01&to=2019-12-31&granularity=month");
		assertThat(totalsOf(wholeYear)).containsEntry("2019-02", "E1 S1 EUR:1:20.00")
			.containsEntry("2019-05", "E1 S1 EUR:1:20.00")
			.hasSize(4);
		JsonNode cutMonths = report("from=2019-03-31&to=2019-04-01&granularity=month");
		assertThat(totalsOf(cutMonths))
			.isEqualTo(Map.of("2019-03", "E2 S2 EUR:2:40.00", "2019-04", "E3 S3 EUR:1:20.00 GBP:1:15.50 USD:1:5.25"));
	}

	@Test
	void theCsvHoldsExactlyTheNumbersOfTheJson() {
		History history = seedHistory(2018);
		awaitSucceeded(refresh("?from=2018-01-01&to=2018-12-31"));

		for (String query : List.of("from=2018-01-01&to=2018-12-31", "from=2018-01-01&to=2018-12-31&granularity=month",
				"from=2018-03-31&to=2018-04-01&course=" + history.h2().id())) {
			JsonNode json = report(query);
			Response csv = get("/api/admin/reports/sales.csv?" + query, this.admin);

			assertThat(csv.status()).as(csv.body()).isEqualTo(200);
			assertThat(csv.contentType()).matches("(?i)text/csv; ?charset=UTF-8");
			assertThat(csv.header("Content-Disposition")).startsWith("attachment; filename=")
				.contains("sales-" + json.get("from").asString() + "-to-" + json.get("to").asString());
			List<List<String>> records = CsvReader.read(csv.body());
			assertThat(records.get(0)).containsExactly("period", "course_id", "course_code", "course_title", "currency",
					"enrolments", "sales", "revenue");
			assertThat(csvFigures(records)).as(query).isEqualTo(figures(json)).isNotEmpty();
			Map<String, String> titles = new TreeMap<>();
			for (JsonNode row : json.get("rows")) {
				titles.put(row.get("courseId").asString(),
						row.get("courseCode").asString() + "|" + row.get("courseTitle").asString());
			}
			Map<String, String> csvTitles = new TreeMap<>();
			for (List<String> record : records.subList(1, records.size())) {
				csvTitles.put(record.get(1), record.get(2) + "|" + record.get(3));
			}
			assertThat(csvTitles).isEqualTo(titles);
		}
		assertThat(history.h2().title()).contains(",", "\"", "\n", "€");
	}

	@Test
	void theReportChangesOnlyWhenTheAggregatesAreRefreshed() {
		CourseRef course = ReportCourses.add("Statistics", "12.00", "EUR");
		buy(course);
		awaitSucceeded(refresh(""));
		String query = "from=" + today().minusDays(1) + "&to=" + today().plusDays(1) + "&course=" + course.id();
		Response before = get("/api/admin/reports/sales?" + query, this.admin);
		String csvBefore = get("/api/admin/reports/sales.csv?" + query, this.admin).body();
		assertThat(sum(before.json().get("rows"), "sales")).isEqualTo(1);

		buy(course);
		buy(course);

		assertThat(get("/api/admin/reports/sales?" + query, this.admin).body()).isEqualTo(before.body());
		assertThat(get("/api/admin/reports/sales.csv?" + query, this.admin).body()).isEqualTo(csvBefore);

		awaitSucceeded(refresh(""));

		JsonNode after = report(query);
		assertThat(sum(after.get("rows"), "sales")).isEqualTo(3);
		assertThat(sum(after.get("rows"), "enrolments")).isEqualTo(3);
		assertThat(revenueByCurrency(after)).containsExactly(Map.entry("EUR", "3:36.00"));
		assertThat(Instant.parse(after.get("refreshedAt").asString()))
			.isAfter(Instant.parse(before.json().get("refreshedAt").asString()));
	}

	@Test
	void refreshingTheSameDaysAgainLeavesTheSameFigures() {
		seedHistory(2017);
		awaitSucceeded(refresh("?from=2017-01-01&to=2017-12-31"));
		JsonNode once = report("from=2017-01-01&to=2017-12-31");
		long rows = count("SELECT COUNT(*) FROM sales_daily WHERE utc_day >= ? AND utc_day <= ?",
				LocalDate.of(2017, 1, 1), LocalDate.of(2017, 12, 31));

		awaitSucceeded(refresh("?from=2017-03-15&to=2017-04-20"));
		awaitSucceeded(refresh("?from=2017-01-01&to=2017-12-31"));

		JsonNode twice = report("from=2017-01-01&to=2017-12-31");
		assertThat(twice.get("rows")).isEqualTo(once.get("rows"));
		assertThat(twice.get("totals")).isEqualTo(once.get("totals"));
		assertThat(count("SELECT COUNT(*) FROM sales_daily WHERE utc_day >= ? AND utc_day <= ?",
				LocalDate.of(2017, 1, 1), LocalDate.of(2017, 12, 31)))
			.isEqualTo(rows)
			.isPositive();
	}

	@Test
	void theScheduledRefreshRecomputesTheRecentDaysWhenItRuns() {
		RecurringJob schedule = this.aula.context()
			.getBeansOfType(RecurringJob.class)
			.values()
			.stream()
			.filter((job) -> job.name().equals("reports.refresh"))
			.findFirst()
			.orElseThrow();
		assertThat(schedule.enabled()).isFalse();
		assertThat(schedule.request().type()).isEqualTo("reports.refresh");
		assertThat(schedule.request().serialKey()).isEqualTo("reports.sales");
		CourseRef course = ReportCourses.add("Geometry", "8.50", "GBP");
		Purchase purchase = buy(course);

		UUID job = enqueue(schedule.request());

		awaitSucceeded(job);
		JsonNode report = report("from=" + purchase.day() + "&to=" + purchase.day() + "&course=" + course.id());
		assertThat(figures(report)).isEqualTo(expected(List.of(purchase)));
	}

	@Test
	void refusesTooLargeReportsButNotTheirMonthlySums() {
		CourseRef course = ReportCourses.add("Daily", "1.00", "EUR");
		for (int day = 0; day < MAX_ROWS + 1; day++) {
			seedEnrolment(course.id(), OffsetDateTime.of(2016, 1, 1, 12, 0, 0, 0, ZoneOffset.UTC).plusDays(day),
					"ADMIN");
		}
		awaitSucceeded(refresh("?from=2016-01-01&to=2016-12-31"));

		Response byDay = get("/api/admin/reports/sales?from=2016-01-01&to=2016-12-31", this.admin);
		Response csv = get("/api/admin/reports/sales.csv?from=2016-01-01&to=2016-12-31", this.admin);
		JsonNode byMonth = report("from=2016-01-01&to=2016-12-31&granularity=month");

		for (Response refused : List.of(byDay, csv)) {
			assertThat(refused.status()).as(refused.body()).isEqualTo(400);
			assertThat(refused.contentType()).startsWith("application/problem+json");
			assertThat(refused.json().get("type").asString()).isEqualTo("urn:aula:problem:report-too-large");
		}
		assertThat(totalsOf(byMonth)).isEqualTo(Map.of("2016-01", "E31 S0", "2016-02", "E20 S0"));
	}

	@Test
	void refusesBadParameters() {
		Map<String, String> bad = new LinkedHashMap<>();
		bad.put("from=yesterday", "from");
		bad.put("from=2026-02-30", "from");
		bad.put("to=2026-13-01", "to");
		bad.put("from=2026-04-02&to=2026-04-01", "from");
		bad.put("from=2016-01-01&to=2026-01-08", "to");
		bad.put("from=2026-04-01&from=2026-04-02", "from");
		bad.put("granularity=week", "granularity");
		bad.put("course=MAT-101", "course");
		bad.put("course=1-2-3-4-5", "course");
		for (Map.Entry<String, String> entry : bad.entrySet()) {
			for (String path : List.of("/api/admin/reports/sales?", "/api/admin/reports/sales.csv?")) {
				Response response = get(path + entry.getKey(), this.admin);
				assertThatValidationFailed(response, entry.getValue());
			}
		}
		long jobs = count("SELECT COUNT(*) FROM jobs WHERE type = 'reports.refresh'");
		assertThatValidationFailed(post("/api/admin/reports/refresh?to=2026-04-01", this.admin), "from");
		assertThatValidationFailed(post("/api/admin/reports/refresh?from=2026-04-01&to=2026-03-01", this.admin),
				"from");
		assertThatValidationFailed(post("/api/admin/reports/refresh?from=1969-12-31&to=1970-01-01", this.admin),
				"from");
		assertThatValidationFailed(post("/api/admin/reports/refresh?from=2000-01-01&to=2020-01-01", this.admin), "to");
		assertThat(count("SELECT COUNT(*) FROM jobs WHERE type = 'reports.refresh'")).isEqualTo(jobs);
	}

	@Test
	void onlyAdminsMayReadOrRefreshReports() {
		for (String role : List.of("STUDENT", "TEACHER")) {
			String token = token(role);
			assertThat(get("/api/admin/reports/sales", token).status()).isEqualTo(403);
			assertThat(get("/api/admin/reports/sales.csv", token).status()).isEqualTo(403);
			assertThat(post("/api/admin/reports/refresh", token).status()).isEqualTo(403);
		}
		assertThat(this.http.get("/api/admin/reports/sales").status()).isEqualTo(401);
		assertThat(this.http.get("/api/admin/reports/sales.csv").status()).isEqualTo(401);
		assertThat(get("/api/admin/reports/sales", this.admin).status()).isEqualTo(200);
	}

	@Test
	void aReportWithoutParametersCoversTheLast30Days() {
		JsonNode report = report("");

		assertThat(LocalDate.parse(report.get("to").asString())).isBetween(today().minusDays(1), today().plusDays(1));
		assertThat(LocalDate.parse(report.get("from").asString()))
			.isEqualTo(LocalDate.parse(report.get("to").asString()).minusDays(29));
		assertThat(report.get("granularity").asString()).isEqualTo("day");
		assertThat(report.get("courseId").isNull()).isTrue();
	}

	// --- purchases and history

	/** A purchase (or free enrolment) through the enrolment API. */
	Purchase buy(CourseRef course) {
		UUID student = UUID.randomUUID();
		String token = TOKENS.issue(student, "STUDENT", UUID.randomUUID()).value();
		Response response = this.http.send(this.http.request("/api/courses/" + course.code() + "/enrolments")
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.POST(HttpRequest.BodyPublishers.ofString("{\"paymentToken\":\"tok_report\"}")));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		JsonNode body = response.json();
		LocalDate day = Instant.parse(body.get("createdAt").asString()).atZone(ZoneOffset.UTC).toLocalDate();
		JsonNode sale = body.get("sale");
		if (sale == null || sale.isNull()) {
			return new Purchase(day, course.id(), null, null);
		}
		return new Purchase(day, course.id(), sale.get("currency").asString(), sale.get("amount").decimalValue());
	}

	/**
	 * Enrolments and sales of past days, written where learning keeps them. In March and
	 * April: course h1 (EUR) sells at 23:59:59 UTC on the 31st, at 01:30 on 1 April in
	 * UTC+2 (still 31 March in UTC) and at midnight UTC on 1 April, and enrols two
	 * students on 15 April, one by an admin and one whose sale is still pending; course
	 * h2 sells in GBP and, after a change of currency, in USD on 1 April. Outside those
	 * months h1 sells once on the last second of February and once at the first of May.
	 */
	History seedHistory(int year) {
		CourseRef h1 = ReportCourses.add("History " + year + ", part 1", "20.00", "EUR");
		CourseRef h2 = ReportCourses.add("History " + year + ": \"2\", Ñandú 世界 €\r\nmore", "15.50", "GBP");
		sale(h1.id(), "20.00", "EUR", "COMPLETED", "%d-02-28T23:59:59Z".formatted(year));
		sale(h1.id(), "20.00", "EUR", "COMPLETED", "%d-03-31T23:59:59Z".formatted(year));
		sale(h1.id(), "20.00", "EUR", "COMPLETED", "%d-04-01T01:30:00+02:00".formatted(year));
		sale(h1.id(), "20.00", "EUR", "COMPLETED", "%d-04-01T00:00:00Z".formatted(year));
		seedEnrolment(h1.id(), OffsetDateTime.parse("%d-04-15T12:00:00Z".formatted(year)), "ADMIN");
		sale(h1.id(), "20.00", "EUR", "PENDING", "%d-04-15T13:00:00Z".formatted(year));
		sale(h1.id(), "20.00", "EUR", "COMPLETED", "%d-05-01T00:00:00Z".formatted(year));
		sale(h2.id(), "15.50", "GBP", "COMPLETED", "%d-04-01T10:00:00Z".formatted(year));
		sale(h2.id(), "5.25", "USD", "COMPLETED", "%d-04-01T11:00:00Z".formatted(year));
		return new History(h1, h2);
	}

	private void sale(UUID courseId, String amount, String currency, String status, String at) {
		OffsetDateTime when = OffsetDateTime.parse(at);
		UUID enrolment = seedEnrolment(courseId, when, "PURCHASE");
		this.jdbc
			.sql("INSERT INTO sales (id, enrolment_id, amount, currency, provider, provider_reference, status,"
					+ " created_at) VALUES (?, ?, ?, ?, 'manual', ?, ?, ?)")
			.params(UUID.randomUUID(), enrolment, new BigDecimal(amount), currency, "seed-" + enrolment, status, when)
			.update();
	}

	private UUID seedEnrolment(UUID courseId, OffsetDateTime at, String source) {
		UUID id = UUID.randomUUID();
		this.jdbc
			.sql("INSERT INTO enrolments (id, student_id, course_id, status, source, created_at)"
					+ " VALUES (?, ?, ?, 'ACTIVE', ?, ?)")
			.params(id, UUID.randomUUID(), courseId, source, at)
			.update();
		return id;
	}

	// --- the API

	UUID refresh(String query) {
		Response response = post("/api/admin/reports/refresh" + query, this.admin);
		assertThat(response.status()).as(response.body()).isEqualTo(202);
		UUID job = UUID.fromString(response.json().get("jobId").asString());
		assertThat(response.header("Location")).isEqualTo("/api/admin/jobs/" + job);
		return job;
	}

	UUID enqueue(JobRequest request) {
		TransactionTemplate transaction = new TransactionTemplate(this.aula.bean(PlatformTransactionManager.class));
		return transaction.execute((status) -> this.aula.bean(Jobs.class).enqueue(request));
	}

	JsonNode awaitSucceeded(UUID job) {
		AtomicReference<JsonNode> last = new AtomicReference<>();
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
			Response response = get("/api/admin/jobs/" + job, this.admin);
			assertThat(response.status()).as(response.body()).isEqualTo(200);
			last.set(response.json());
			String state = response.json().get("state").asString();
			assertThat(state).as(response.body()).isNotIn("DEAD", "RETRYING");
			return state.equals("SUCCEEDED");
		});
		return last.get();
	}

	JsonNode report(String query) {
		Response response = get("/api/admin/reports/sales?" + query, this.admin);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("application/json");
		return response.json();
	}

	Response get(String path, String token) {
		return this.http.get(path, "Authorization", "Bearer " + token);
	}

	Response post(String path, String token) {
		return this.http.send(this.http.request(path)
			.header("Authorization", "Bearer " + token)
			.POST(HttpRequest.BodyPublishers.noBody()));
	}

	long count(String sql, Object... params) {
		return this.jdbc.sql(sql).params(params).query(Long.class).single();
	}

	static String token(String role) {
		return TOKENS.issue(UUID.randomUUID(), role, UUID.randomUUID()).value();
	}

	static LocalDate today() {
		return LocalDate.now(ZoneOffset.UTC);
	}

	private static void assertThatValidationFailed(Response response, String field) {
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("type").asString()).isEqualTo("urn:aula:problem:validation-failed");
		assertThat(response.json().get("errors").get(0).get("field").asString()).as(response.body()).isEqualTo(field);
	}

	// --- figures in one comparable shape: "period|course|currency" -> "E<enrolments>" or
	// "S<sales>:<revenue>"

	static String key(String period, UUID courseId, String currency) {
		return period + "|" + courseId + "|" + currency;
	}

	static Map<String, String> figures(JsonNode report) {
		Map<String, String> figures = new TreeMap<>();
		for (JsonNode row : report.get("rows")) {
			String period = row.get("period").asString();
			UUID course = UUID.fromString(row.get("courseId").asString());
			long sales = 0;
			if (row.get("enrolments").asLong() > 0) {
				figures.put(key(period, course, ""), "E" + row.get("enrolments").asLong());
			}
			for (JsonNode revenue : row.get("revenue")) {
				sales += revenue.get("sales").asLong();
				String previous = figures.put(key(period, course, revenue.get("currency").asString()),
						"S" + revenue.get("sales").asLong() + ":" + money(revenue.get("amount").decimalValue()));
				assertThat(previous).as("one entry per currency").isNull();
			}
			assertThat(row.get("sales").asLong()).as("sales of every currency").isEqualTo(sales);
		}
		return figures;
	}

	static Map<String, String> csvFigures(List<List<String>> records) {
		Map<String, String> figures = new TreeMap<>();
		for (List<String> record : records.subList(1, records.size())) {
			assertThat(record).hasSize(8);
			String currency = record.get(4);
			String figure = currency.isEmpty() ? "E" + record.get(5)
					: "S" + record.get(6) + ":" + money(new BigDecimal(record.get(7)));
			if (currency.isEmpty()) {
				assertThat(record.get(6)).isEmpty();
				assertThat(record.get(7)).isEmpty();
			}
			else {
				assertThat(record.get(5)).isEmpty();
			}
			String previous = figures.put(key(record.get(0), UUID.fromString(record.get(1)), currency), figure);
			assertThat(previous).as("one record per period, course and currency").isNull();
		}
		return figures;
	}

	static Map<String, String> expected(List<Purchase> purchases) {
		Map<String, long[]> counts = new TreeMap<>();
		Map<String, BigDecimal> amounts = new TreeMap<>();
		for (Purchase purchase : purchases) {
			counts.computeIfAbsent(key(purchase.day().toString(), purchase.courseId(), ""), (k) -> new long[1])[0]++;
			if (purchase.currency() != null) {
				String key = key(purchase.day().toString(), purchase.courseId(), purchase.currency());
				counts.computeIfAbsent(key, (k) -> new long[1])[0]++;
				amounts.merge(key, purchase.amount(), BigDecimal::add);
			}
		}
		Map<String, String> figures = new TreeMap<>();
		counts.forEach((key, count) -> figures.put(key,
				key.endsWith("|") ? "E" + count[0] : "S" + count[0] + ":" + money(amounts.get(key))));
		return figures;
	}

	/** "period" -> "E<enrolments> S<sales> CUR:<sales>:<revenue> ..." */
	static Map<String, String> totalsOf(JsonNode report) {
		Map<String, String> totals = new TreeMap<>();
		for (JsonNode total : report.get("totals")) {
			StringBuilder text = new StringBuilder(
					"E" + total.get("enrolments").asLong() + " S" + total.get("sales").asLong());
			for (JsonNode revenue : total.get("revenue")) {
				text.append(' ')
					.append(revenue.get("currency").asString())
					.append(':')
					.append(revenue.get("sales").asLong())
					.append(':')
					.append(money(revenue.get("amount").decimalValue()));
			}
			totals.put(total.get("period").asString(), text.toString());
		}
		return totals;
	}

	/** The totals a report's rows add up to, in the shape of {@link #totalsOf}. */
	static Map<String, String> totalsOfRows(JsonNode report) {
		Map<String, long[]> counts = new TreeMap<>();
		Map<String, Map<String, String>> revenue = new TreeMap<>();
		for (JsonNode row : report.get("rows")) {
			long[] count = counts.computeIfAbsent(row.get("period").asString(), (p) -> new long[2]);
			count[0] += row.get("enrolments").asLong();
			count[1] += row.get("sales").asLong();
			for (JsonNode money : row.get("revenue")) {
				revenue.computeIfAbsent(row.get("period").asString(), (p) -> new TreeMap<>())
					.merge(money.get("currency").asString(),
							money.get("sales").asLong() + ":" + money(money.get("amount").decimalValue()),
							SalesReportsContract::addUp);
			}
		}
		Map<String, String> totals = new TreeMap<>();
		counts.forEach((period, count) -> {
			StringBuilder text = new StringBuilder("E" + count[0] + " S" + count[1]);
			revenue.getOrDefault(period, Map.of())
				.forEach((currency, figure) -> text.append(' ').append(currency).append(':').append(figure));
			totals.put(period, text.toString());
		});
		return totals;
	}

	/** "currency" -> "<sales>:<revenue>" over every row of the report. */
	static Map<String, String> revenueByCurrency(JsonNode report) {
		Map<String, String> byCurrency = new TreeMap<>();
		for (JsonNode row : report.get("rows")) {
			for (JsonNode money : row.get("revenue")) {
				byCurrency.merge(money.get("currency").asString(),
						money.get("sales").asLong() + ":" + money(money.get("amount").decimalValue()),
						SalesReportsContract::addUp);
			}
		}
		return byCurrency;
	}

	private static String addUp(String a, String b) {
		String[] x = a.split(":");
		String[] y = b.split(":");
		return (Long.parseLong(x[0]) + Long.parseLong(y[0])) + ":"
				+ money(new BigDecimal(x[1]).add(new BigDecimal(y[1])));
	}

	static long sum(JsonNode rows, String field) {
		long sum = 0;
		for (JsonNode row : rows) {
			sum += row.get(field).asLong();
		}
		return sum;
	}

	static String money(BigDecimal amount) {
		return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
	}

	record Purchase(LocalDate day, UUID courseId, String currency, BigDecimal amount) {
	}

	record History(CourseRef h1, CourseRef h2) {
	}

}
