package org.aula.learning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Enrolment and sales figures for other modules (the reports), so that they never read
 * learning's tables. Days are UTC days.
 */
public interface SalesStatistics {

	/**
	 * The figures of every course that had enrolments or completed sales on the given
	 * days, in one query whatever the range.
	 * <p>
	 * An enrolment has no currency and a sale has one, so a day of a course yields up to
	 * one row of enrolments ({@code currency} null, {@code sales} and {@code revenue}
	 * zero) and one row per currency of its completed sales ({@code enrolments} zero).
	 * Days and courses without either are left out.
	 * @param from the first day, inclusive
	 * @param to the last day, inclusive
	 * @return the rows, by day, course and currency (enrolment rows first)
	 */
	List<DayFigures> daily(LocalDate from, LocalDate to);

	/**
	 * A course's figures of one UTC day in one currency, or its enrolments.
	 *
	 * @param day the UTC day
	 * @param courseId the course
	 * @param currency ISO 4217 code of the sales, or null on the row of enrolments
	 * @param enrolments enrolments created that day, whatever their source (free,
	 * purchase or admin) and current status
	 * @param sales completed sales created that day in this currency
	 * @param revenue the sum of those sales' amounts, in this currency
	 */
	record DayFigures(LocalDate day, UUID courseId, String currency, long enrolments, long sales, BigDecimal revenue) {

	}

}
