package org.aula.reports;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A sales report as the admin API returns it. Periods without enrolments or sales are
 * left out.
 *
 * @param from the first day, inclusive
 * @param to the last day, inclusive
 * @param granularity {@code day} or {@code month} (months are cut to the range)
 * @param courseId the course the report is limited to, or null
 * @param refreshedAt when the aggregates were last refreshed, or null if never: sales
 * after that are not in the report yet
 * @param rows per period and course, by period and course code
 * @param totals per period, over the rows
 */
record SalesReport(LocalDate from, LocalDate to, String granularity, UUID courseId, Instant refreshedAt, List<Row> rows,
		List<Total> totals) {

	/**
	 * One course in one period.
	 *
	 * @param period {@code 2026-04-01} for a day, {@code 2026-04} for a month
	 * @param courseCode the course's code, or null if the catalog no longer has it
	 * @param courseTitle the course's title, or null likewise
	 * @param enrolments new enrolments (free, purchased or by an admin)
	 * @param sales completed sales, in every currency
	 * @param revenue the sales and their sum per currency, by currency code
	 */
	record Row(String period, UUID courseId, String courseCode, String courseTitle, long enrolments, long sales,
			List<Revenue> revenue) {
	}

	/**
	 * Every course (or the one asked for) in one period.
	 *
	 * @param period as in {@link Row}
	 * @param enrolments new enrolments
	 * @param sales completed sales, in every currency
	 * @param revenue the sales and their sum per currency: never added across currencies
	 */
	record Total(String period, long enrolments, long sales, List<Revenue> revenue) {
	}

	/**
	 * Sales in one currency.
	 *
	 * @param currency ISO 4217 code
	 * @param sales how many
	 * @param amount their sum, in this currency
	 */
	record Revenue(String currency, long sales, BigDecimal amount) {
	}

}
