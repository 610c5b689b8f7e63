package org.aula.learning;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.aula.platform.jdbc.Timestamps;
import org.aula.platform.seeding.SeedPlan;
import org.aula.platform.seeding.SeedRows;
import org.aula.platform.seeding.SeedStep;

import org.springframework.stereotype.Component;

/**
 * Seeds each student's enrolments (paid courses with their completed sale), progress
 * through the first lessons of each course, and a grade for every finished first module.
 * Enrolment dates spread over the last 90 days so that the sales reports have history.
 */
@Component
class LearningSeed implements SeedStep {

	private final SeedRows rows;

	LearningSeed(SeedRows rows) {
		this.rows = rows;
	}

	@Override
	public String module() {
		return "learning";
	}

	@Override
	public int order() {
		return 30;
	}

	@Override
	public Map<String, Long> seed(SeedPlan plan) {
		Instant now = Instant.now();
		Map<String, Long> created = new LinkedHashMap<>();
		created.put("enrolments", this.rows.insert("enrolments",
				List.of("id", "student_id", "course_id", "status", "source", "created_at"),
				enrolments(plan, (student,
						course) -> new Object[] { plan.id("enrolment", student, course), plan.studentId(student),
								plan.courseId(course), "ACTIVE", (plan.priceCents(course) > 0) ? "PURCHASE" : "FREE",
								Timestamps.of(enrolledAt(plan, student, course, now)) })));
		created.put("sales", this.rows.insert("sales",
				List.of("id", "enrolment_id", "amount", "currency", "provider", "provider_reference", "status",
						"created_at"),
				enrolments(plan, (student, course) -> (plan.priceCents(course) == 0) ? null
						: new Object[] { plan.id("sale", student, course), plan.id("enrolment", student, course),
								BigDecimal.valueOf(plan.priceCents(course), 2), "EUR", "manual",
								"seed-" + plan.seed() + "-" + student + "-" + course, "COMPLETED",
								Timestamps.of(enrolledAt(plan, student, course, now)) })));
		created.put("lesson_completions",
				this.rows.insert("lesson_completions", List.of("student_id", "lesson_id", "course_id", "completed_at"),
						enrolmentStream(plan).flatMap((pair) -> {
							int student = pair[0];
							int course = pair[1];
							Instant enrolled = enrolledAt(plan, student, course, now);
							return IntStream.rangeClosed(1, plan.lessonsCompleted(student, course))
								.mapToObj((lesson) -> new Object[] { plan.studentId(student),
										plan.lessonId(course, lesson), plan.courseId(course),
										Timestamps.of(min(enrolled.plus(Duration.ofHours(lesson)), now)) });
						})));
		created.put("grades", this.rows.insert("grades",
				List.of("id", "student_id", "course_id", "module_number", "score", "comment", "graded_by",
						"updated_at"),
				enrolments(plan,
						(student, course) -> (plan.lessonsCompleted(student, course) < SeedPlan.LESSONS_PER_MODULE)
								? null
								: new Object[] { plan.id("grade", student, course), plan.studentId(student),
										plan.courseId(course), 1,
										BigDecimal.valueOf(plan.random("grade", student).nextInt(5000, 10001), 2), null,
										plan.teacherId(plan.teacherOf(course)), Timestamps.of(now) })));
		return created;
	}

	private static Instant min(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

	private static Instant enrolledAt(SeedPlan plan, int student, int course, Instant now) {
		long minutes = plan.random("enrolled", (long) student * (SeedPlan.MAX_COURSES + 1) + course)
			.nextLong(60, 90L * 24 * 60);
		return now.minus(Duration.ofMinutes(minutes));
	}

	private static Stream<Object[]> enrolments(SeedPlan plan, BiFunction<Integer, Integer, Object[]> row) {
		return enrolmentStream(plan).map((pair) -> row.apply(pair[0], pair[1])).filter(Objects::nonNull);
	}

	private static Stream<int[]> enrolmentStream(SeedPlan plan) {
		return IntStream.rangeClosed(1, plan.students())
			.boxed()
			.flatMap((student) -> IntStream.of(plan.coursesOf(student))
				.mapToObj((course) -> new int[] { student, course }));
	}

}
