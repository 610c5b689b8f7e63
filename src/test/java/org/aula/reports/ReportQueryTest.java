package org.aula.reports;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.aula.platform.web.FieldError;
import org.aula.platform.web.InvalidInput;
import org.aula.reports.ReportQuery.Granularity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ReportQueryTest {

	/** 23:30 on 30 April in UTC is already 1 May in Madrid: reports count UTC days. */
	private final Clock clock = Clock.fixed(Instant.parse("2026-04-30T23:30:00Z"), ZoneId.of("Europe/Madrid"));

	@Test
	void defaultsToTheLastThirtyUtcDaysByDayForEveryCourse() {
		ReportQuery query = ReportQuery.parse(null, null, null, null, this.clock);

		assertThat(query.range()).isEqualTo(new ReportRange(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30)));
		assertThat(query.granularity()).isEqualTo(Granularity.DAY);
		assertThat(query.courseId()).isNull();
	}

	@Test
	void readsEveryParameter() {
		UUID course = UUID.randomUUID();

		ReportQuery query = ReportQuery.parse("2025-01-01", "2025-12-31", "MONTH", course.toString().toUpperCase(),
				this.clock);

		assertThat(query.range()).isEqualTo(new ReportRange(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)));
		assertThat(query.granularity()).isEqualTo(Granularity.MONTH);
		assertThat(query.courseId()).isEqualTo(course);
	}

	@Test
	void aMissingEndIsTodayAndAMissingStartThirtyDaysBeforeTheEnd() {
		assertThat(ReportQuery.parse("2026-04-20", null, null, null, this.clock).range())
			.isEqualTo(new ReportRange(LocalDate.of(2026, 4, 20), LocalDate.of(2026, 4, 30)));
		assertThat(ReportQuery.parse(null, "2026-01-30", null, null, this.clock).range())
			.isEqualTo(new ReportRange(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 30)));
	}

	@Test
	void acceptsTheLongestRangeAndOneDay() {
		assertThat(ReportQuery.parse("2016-01-01", "2026-01-07", null, null, this.clock).range().days())
			.isEqualTo(ReportRange.MAX_DAYS);
		assertThat(ReportQuery.parse("2026-04-30", "2026-04-30", null, null, this.clock).range().days()).isOne();
	}

	@Test
	void refusesBadParametersNamingEachOne() {
		assertThat(errors("yesterday", null, null, null)).extracting(FieldError::field).containsExactly("from");
		assertThat(errors("2026-02-30", null, null, null)).extracting(FieldError::field).containsExactly("from");
		assertThat(errors("+12026-01-01", null, null, null)).extracting(FieldError::field).containsExactly("from");
		assertThat(errors("2026-04-01,2026-04-02", null, null, null)).extracting(FieldError::field)
			.containsExactly("from");
		assertThat(errors(null, "2026-4-1", null, null)).extracting(FieldError::field).containsExactly("to");
		assertThat(errors("2026-04-02", "2026-04-01", null, null)).extracting(FieldError::field)
			.containsExactly("from");
		assertThat(errors("2016-01-01", "2026-01-08", null, null)).extracting(FieldError::field).containsExactly("to");
		assertThat(errors(null, null, "week", null)).extracting(FieldError::field).containsExactly("granularity");
		assertThat(errors(null, null, null, "MAT-101")).extracting(FieldError::field).containsExactly("course");
		assertThat(errors(null, null, null, "1-2-3-4-5")).extracting(FieldError::field).containsExactly("course");
		assertThat(errors("x", "y", "z", "w")).extracting(FieldError::field)
			.containsExactly("to", "from", "granularity", "course");
	}

	@Test
	void cutsARangeIntoChunks() {
		ReportRange range = new ReportRange(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 5));

		assertThat(range.chunks(31)).containsExactly(
				new ReportRange(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31)),
				new ReportRange(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 3)),
				new ReportRange(LocalDate.of(2026, 3, 4), LocalDate.of(2026, 3, 5)));
		assertThat(new ReportRange(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 1)).chunks(31)).hasSize(1);
	}

	@SuppressWarnings("unchecked")
	private List<FieldError> errors(String from, String to, String granularity, String course) {
		InvalidInput error = catchThrowableOfType(InvalidInput.class,
				() -> ReportQuery.parse(from, to, granularity, course, this.clock));
		assertThat(error).as("refused").isNotNull();
		return (List<FieldError>) error.getBody().getProperties().get("errors");
	}

}
