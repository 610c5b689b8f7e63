package org.aula.reports;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.aula.platform.jobs.Jobs;
import org.aula.platform.web.FieldError;
import org.aula.platform.web.InvalidInput;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The admin sales reports, and refreshing their aggregates on demand. */
@RestController
@Tag(name = "Reports")
@PreAuthorize("hasRole('ADMIN')")
class ReportsController {

	static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	private final SalesReports reports;

	private final SalesRefresh refresh;

	private final Jobs jobs;

	private final Clock clock = Clock.systemUTC();

	ReportsController(SalesReports reports, SalesRefresh refresh, Jobs jobs) {
		this.reports = reports;
		this.refresh = refresh;
		this.jobs = jobs;
	}

	@GetMapping("/api/admin/reports/sales")
	@Operation(summary = "Enrolments, sales and revenue per period and course, with totals per period",
			description = "Read from the daily aggregates only: see refreshedAt. from and to are inclusive ISO"
					+ " dates (UTC days, default the last 30 days, at most 3660 days); granularity is day (default)"
					+ " or month; course limits the report to one course id. Revenue is given per currency and"
					+ " never added across currencies.")
	SalesReport sales(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String granularity, @RequestParam(required = false) String course) {
		return this.reports.report(ReportQuery.parse(from, to, granularity, course, this.clock));
	}

	@GetMapping("/api/admin/reports/sales.csv")
	@Operation(summary = "The same report as CSV (RFC 4180, UTF-8)",
			description = "Columns period, course_id, course_code, course_title, currency, enrolments, sales,"
					+ " revenue. Per period and course, one record of its enrolments (currency, sales and revenue"
					+ " empty) and one per currency of its sales (enrolments empty).")
	ResponseEntity<byte[]> salesCsv(@RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String granularity,
			@RequestParam(required = false) String course) {
		ReportQuery query = ReportQuery.parse(from, to, granularity, course, this.clock);
		SalesReport report = this.reports.report(query);
		String fileName = "sales-%s-to-%s-by-%s.csv".formatted(report.from(), report.to(), report.granularity());
		return ResponseEntity.ok()
			.contentType(TEXT_CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName).build().toString())
			.body(SalesReportCsv.of(report).getBytes(StandardCharsets.UTF_8));
	}

	@PostMapping("/api/admin/reports/refresh")
	@Transactional
	@Operation(summary = "Refresh the sales aggregates now, in the background",
			description = "Without parameters the recent days (aula.reports.refresh-days) are recomputed; with from"
					+ " (and optionally to, default today) every day of that range is rebuilt, at most 3660 days."
					+ " Answers 202 with the job id; follow it at /api/admin/jobs/{id}.")
	ResponseEntity<RefreshAccepted> refresh(@RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		ReportRange range;
		if ((from == null || from.isBlank()) && (to == null || to.isBlank())) {
			range = this.refresh.recentDays();
		}
		else {
			List<FieldError> errors = new ArrayList<>();
			if (from == null || from.isBlank()) {
				errors.add(new FieldError("from", "is required with to"));
			}
			range = ReportRange.parse(from, to, 1, this.clock, errors);
			if (!errors.isEmpty()) {
				throw new InvalidInput(errors);
			}
		}
		UUID jobId = this.jobs.enqueue(this.refresh.request(range));
		return ResponseEntity.accepted()
			.location(URI.create("/api/admin/jobs/" + jobId))
			.body(new RefreshAccepted(jobId, range.from(), range.to()));
	}

	/**
	 * A refresh on its way.
	 *
	 * @param jobId follow it at {@code /api/admin/jobs/{jobId}}
	 * @param from the first day it recomputes
	 * @param to the last day it recomputes
	 */
	record RefreshAccepted(UUID jobId, LocalDate from, LocalDate to) {
	}

}
