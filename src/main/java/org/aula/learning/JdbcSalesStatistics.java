package org.aula.learning;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.aula.platform.jdbc.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts enrolments and sums completed sales per UTC day, course and currency with one
 * {@code GROUP BY} over both tables. The range is bound as instants, so the
 * {@code created_at} indexes of both tables find the rows; only the grouping converts to
 * UTC days.
 * <p>
 * The UTC day is counted in whole days since 1970-01-01 UTC from the epoch seconds, not
 * cast: H2 casts a {@code TIMESTAMP WITH TIME ZONE} to {@code DATE} in the session's time
 * zone, even after {@code AT TIME ZONE 'UTC'}, so a cast would count days of the server's
 * zone there.
 */
@Repository
class JdbcSalesStatistics implements SalesStatistics {

	/** The currency of the rows of enrolments in the query: sales never have it. */
	private static final String NO_CURRENCY = "";

	/** Parameters {@code start} (inclusive) and {@code end} (exclusive), instants. */
	static final String DAILY = """
			SELECT utc_day, course_id, currency, SUM(enrolments) AS enrolments, SUM(sales) AS sales,
			  SUM(revenue) AS revenue
			FROM (
			  SELECT DATE '1970-01-01' + CAST(FLOOR(EXTRACT(EPOCH FROM e.created_at) / 86400) AS INT) AS utc_day, e.course_id,
			    CAST('' AS VARCHAR(3)) AS currency, 1 AS enrolments, 0 AS sales,
			    CAST(0 AS NUMERIC(14, 2)) AS revenue
			  FROM enrolments e
			  WHERE e.created_at >= :start AND e.created_at < :end
			  UNION ALL
			  SELECT DATE '1970-01-01' + CAST(FLOOR(EXTRACT(EPOCH FROM s.created_at) / 86400) AS INT) AS utc_day, e.course_id, s.currency,
			    0 AS enrolments, 1 AS sales, s.amount AS revenue
			  FROM sales s JOIN enrolments e ON e.id = s.enrolment_id
			  WHERE s.status = 'COMPLETED' AND s.created_at >= :start AND s.created_at < :end
			) figures
			GROUP BY utc_day, course_id, currency
			ORDER BY utc_day, course_id, currency
			""";

	private final JdbcClient jdbc;

	JdbcSalesStatistics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public List<DayFigures> daily(LocalDate from, LocalDate to) {
		if (from.isAfter(to)) {
			throw new IllegalArgumentException("from " + from + " is after to " + to);
		}
		return this.jdbc.sql(DAILY)
			.param("start", Timestamps.of(from.atStartOfDay(ZoneOffset.UTC).toInstant()))
			.param("end", Timestamps.of(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()))
			.query(JdbcSalesStatistics::figures)
			.list();
	}

	private static DayFigures figures(ResultSet rs, int row) throws SQLException {
		String currency = rs.getString("currency");
		return new DayFigures(rs.getObject("utc_day", LocalDate.class), rs.getObject("course_id", UUID.class),
				NO_CURRENCY.equals(currency) ? null : currency, rs.getLong("enrolments"), rs.getLong("sales"),
				rs.getBigDecimal("revenue"));
	}

}
