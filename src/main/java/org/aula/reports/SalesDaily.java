package org.aula.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.aula.learning.SalesStatistics.DayFigures;
import org.aula.platform.jdbc.Timestamps;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code sales_daily} aggregate and the time of its last refresh. Enrolments are
 * stored in the row whose currency is {@code ''} (an enrolment has no currency); see
 * {@code V10__reports.sql}.
 */
@Repository
class SalesDaily {

	static final String REPORT = "sales";

	private static final String NO_CURRENCY = "";

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	SalesDaily(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	/**
	 * Replaces every row of the range by the given figures and records the refresh. Call
	 * it in one transaction, so that readers see either the old or the new days, never a
	 * mix.
	 * @return the number of rows written
	 */
	int replace(ReportRange range, List<DayFigures> figures, Instant now) {
		this.jdbc.sql("DELETE FROM sales_daily WHERE utc_day >= ? AND utc_day <= ?")
			.params(range.from(), range.to())
			.update();
		List<Object[]> rows = figures.stream()
			.filter((row) -> !row.day().isBefore(range.from()) && !row.day().isAfter(range.to()))
			.map((row) -> new Object[] { row.day(), row.courseId(),
					(row.currency() != null) ? row.currency() : NO_CURRENCY, Math.toIntExact(row.enrolments()),
					Math.toIntExact(row.sales()), row.revenue().setScale(2, RoundingMode.UNNECESSARY),
					Timestamps.of(now) })
			.toList();
		if (!rows.isEmpty()) {
			this.batch.batchUpdate("INSERT INTO sales_daily (utc_day, course_id, currency, enrolments, sales, revenue,"
					+ " refreshed_at) VALUES (?, ?, ?, ?, ?, ?, ?)", rows);
		}
		int updated = this.jdbc.sql("UPDATE report_refreshes SET refreshed_at = ? WHERE report = ?")
			.params(Timestamps.of(now), REPORT)
			.update();
		if (updated == 0) {
			this.jdbc.sql("INSERT INTO report_refreshes (report, refreshed_at) VALUES (?, ?)")
				.params(REPORT, Timestamps.of(now))
				.update();
		}
		return rows.size();
	}

	/**
	 * When any range of the aggregate was last refreshed; empty before the first refresh.
	 */
	Optional<Instant> refreshedAt() {
		return this.jdbc.sql("SELECT refreshed_at FROM report_refreshes WHERE report = ?")
			.param(REPORT)
			.query((rs, row) -> Timestamps.read(rs, "refreshed_at"))
			.optional();
	}

	/**
	 * The stored rows of the range, by day, course and currency, at most {@code limit}.
	 * @param courseId only this course, or null for all
	 */
	List<Stored> byDay(ReportRange range, UUID courseId, int limit) {
		return filtered(byDaySql(courseId != null), range, courseId, limit).query((rs, row) -> {
			LocalDate day = rs.getObject("utc_day", LocalDate.class);
			return stored(rs, day.toString());
		}).list();
	}

	/**
	 * The rows of the range summed per calendar month, course and currency, at most
	 * {@code limit}; months at either end count only the days inside the range.
	 * @param courseId only this course, or null for all
	 */
	List<Stored> byMonth(ReportRange range, UUID courseId, int limit) {
		return filtered(byMonthSql(courseId != null), range, courseId, limit)
			.query((rs, row) -> stored(rs, YearMonth.of(rs.getInt("y"), rs.getInt("m")).toString()))
			.list();
	}

	/**
	 * The query of {@link #byDay}: parameters {@code from}, {@code to}, {@code limit}
	 * and, for one course, {@code course}.
	 */
	static String byDaySql(boolean oneCourse) {
		return "SELECT utc_day, course_id, currency, enrolments, sales, revenue FROM sales_daily"
				+ " WHERE utc_day >= :from AND utc_day <= :to" + (oneCourse ? " AND course_id = :course" : "")
				+ " ORDER BY utc_day, course_id, currency LIMIT :limit";
	}

	/** The query of {@link #byMonth}, with the parameters of {@link #byDaySql}. */
	static String byMonthSql(boolean oneCourse) {
		return "SELECT EXTRACT(YEAR FROM utc_day) AS y, EXTRACT(MONTH FROM utc_day) AS m, course_id, currency,"
				+ " SUM(enrolments) AS enrolments, SUM(sales) AS sales, SUM(revenue) AS revenue FROM sales_daily"
				+ " WHERE utc_day >= :from AND utc_day <= :to" + (oneCourse ? " AND course_id = :course" : "")
				+ " GROUP BY EXTRACT(YEAR FROM utc_day), EXTRACT(MONTH FROM utc_day), course_id, currency"
				+ " ORDER BY y, m, course_id, currency LIMIT :limit";
	}

	private JdbcClient.StatementSpec filtered(String sql, ReportRange range, UUID courseId, int limit) {
		JdbcClient.StatementSpec spec = this.jdbc.sql(sql)
			.param("from", range.from())
			.param("to", range.to())
			.param("limit", limit);
		return (courseId != null) ? spec.param("course", courseId) : spec;
	}

	private static Stored stored(ResultSet rs, String period) throws SQLException {
		String currency = rs.getString("currency");
		return new Stored(period, rs.getObject("course_id", UUID.class), NO_CURRENCY.equals(currency) ? null : currency,
				rs.getLong("enrolments"), rs.getLong("sales"),
				rs.getBigDecimal("revenue").setScale(2, RoundingMode.UNNECESSARY));
	}

	/**
	 * A row of the aggregate, or a sum of rows over a month.
	 *
	 * @param period {@code 2026-04-01} for a day, {@code 2026-04} for a month
	 * @param currency null on the row of enrolments
	 */
	record Stored(String period, UUID courseId, String currency, long enrolments, long sales, BigDecimal revenue) {
	}

}
