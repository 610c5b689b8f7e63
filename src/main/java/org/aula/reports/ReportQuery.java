package org.aula.reports;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import org.aula.platform.web.FieldError;
import org.aula.platform.web.InvalidInput;

/**
 * What a sales report asks for, from its request parameters.
 *
 * @param range the days, at most {@value ReportRange#MAX_DAYS}
 * @param granularity a row per day or per calendar month
 * @param courseId only this course, or null for every course
 */
record ReportQuery(ReportRange range, Granularity granularity, UUID courseId) {

	private static final Pattern UUID_TEXT = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	/**
	 * Reads and checks the parameters: {@code from} and {@code to} default to the last
	 * {@value ReportRange#DEFAULT_DAYS} days, {@code granularity} to {@code day}.
	 * @throws InvalidInput listing every bad parameter
	 */
	static ReportQuery parse(String from, String to, String granularity, String course, Clock clock) {
		List<FieldError> errors = new ArrayList<>();
		ReportRange range = ReportRange.parse(from, to, ReportRange.DEFAULT_DAYS, clock, errors);
		Granularity unit = Granularity.parse(granularity, errors);
		UUID courseId = null;
		if (course != null && !course.isBlank()) {
			if (UUID_TEXT.matcher(course.trim()).matches()) {
				courseId = UUID.fromString(course.trim());
			}
			else {
				errors.add(new FieldError("course", "must be a course id (a UUID)"));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		return new ReportQuery(range, unit, courseId);
	}

	/** How long a report's periods are. */
	enum Granularity {

		DAY, MONTH;

		String label() {
			return name().toLowerCase(Locale.ROOT);
		}

		static Granularity parse(String text, List<FieldError> errors) {
			if (text == null || text.isBlank()) {
				return DAY;
			}
			for (Granularity granularity : values()) {
				if (granularity.label().equalsIgnoreCase(text.trim())) {
					return granularity;
				}
			}
			errors.add(new FieldError("granularity", "must be day or month"));
			return null;
		}

	}

}
