package org.aula.reports;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.aula.platform.web.FieldError;

/**
 * An inclusive range of UTC days.
 *
 * @param from the first day
 * @param to the last day, not before {@code from}
 */
record ReportRange(LocalDate from, LocalDate to) {

	/** The longest range a report or a refresh may cover: about ten years. */
	static final int MAX_DAYS = 3660;

	/** The range a report covers when it names neither end: the last 30 days. */
	static final int DEFAULT_DAYS = 30;

	private static final LocalDate EARLIEST = LocalDate.of(1970, 1, 1);

	private static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

	private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	ReportRange {
		if (from.isAfter(to)) {
			throw new IllegalArgumentException("from " + from + " is after to " + to);
		}
	}

	/** The last {@code days} UTC days, today included. */
	static ReportRange lastDays(int days, Clock clock) {
		LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
		return new ReportRange(today.minusDays(days - 1L), today);
	}

	/**
	 * The range of request parameters: a missing {@code to} is today, a missing
	 * {@code from} is {@code defaultDays} days before {@code to}.
	 * @param errors where to add what is wrong with the parameters
	 * @return the range, or null when there were errors
	 */
	static ReportRange parse(String from, String to, int defaultDays, Clock clock, List<FieldError> errors) {
		int before = errors.size();
		LocalDate end = (isBlank(to)) ? LocalDate.now(clock.withZone(ZoneOffset.UTC)) : date("to", to, errors);
		LocalDate start = (isBlank(from)) ? ((end != null) ? end.minusDays(defaultDays - 1L) : null)
				: date("from", from, errors);
		if (errors.size() > before || start == null || end == null) {
			return null;
		}
		if (start.isAfter(end)) {
			errors.add(new FieldError("from", "must not be after to (" + end + ")"));
			return null;
		}
		if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
			errors.add(new FieldError("to", "the range must be at most " + MAX_DAYS + " days"));
			return null;
		}
		return new ReportRange(start, end);
	}

	private static LocalDate date(String field, String text, List<FieldError> errors) {
		String trimmed = text.trim();
		LocalDate date = null;
		if (ISO_DATE.matcher(trimmed).matches()) {
			try {
				date = LocalDate.parse(trimmed);
			}
			catch (DateTimeParseException ex) {
				// an impossible date such as 2026-02-30: reported below
			}
		}
		if (date == null || date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
			errors.add(new FieldError(field, "must be an ISO date from 1970-01-01 to 9999-12-31, such as 2026-04-01"));
			return null;
		}
		return date;
	}

	private static boolean isBlank(String text) {
		return text == null || text.isBlank();
	}

	long days() {
		return ChronoUnit.DAYS.between(this.from, this.to) + 1;
	}

	/** This range cut into consecutive ranges of at most {@code days} days. */
	List<ReportRange> chunks(int days) {
		List<ReportRange> chunks = new ArrayList<>();
		for (LocalDate start = this.from; !start.isAfter(this.to); start = start.plusDays(days)) {
			LocalDate end = start.plusDays(days - 1L);
			chunks.add(new ReportRange(start, end.isAfter(this.to) ? this.to : end));
		}
		return chunks;
	}

	@Override
	public String toString() {
		return this.from + " to " + this.to;
	}

}
