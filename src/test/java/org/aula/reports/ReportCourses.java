package org.aula.reports;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.aula.catalog.CourseRef;
import org.aula.catalog.Courses;
import org.aula.catalog.LessonRef;

import org.springframework.context.annotation.Primary;

/**
 * A catalog for the report tests, which add published courses to it directly with any
 * price, currency and title (commas, quotes, line breaks and all) and may change a
 * course's price and currency between purchases. Registered only as an extra source of
 * the applications these tests start, and primary, so it stands in for the catalog's own
 * implementation. Courses have no lessons.
 */
@Primary
public class ReportCourses implements Courses {

	private static final Map<UUID, CourseRef> COURSES = new ConcurrentHashMap<>();

	static CourseRef add(String title, String price, String currency) {
		String code = "R-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		CourseRef course = new CourseRef(UUID.randomUUID(), code, title, UUID.randomUUID(), new BigDecimal(price),
				currency, true);
		COURSES.put(course.id(), course);
		return course;
	}

	static CourseRef reprice(CourseRef course, String price, String currency) {
		CourseRef repriced = new CourseRef(course.id(), course.code(), course.title(), course.teacherId(),
				new BigDecimal(price), currency, true);
		COURSES.put(course.id(), repriced);
		return repriced;
	}

	@Override
	public Optional<CourseRef> findByCode(String code) {
		return COURSES.values().stream().filter((course) -> course.code().equals(code)).findFirst();
	}

	@Override
	public Optional<CourseRef> findById(UUID id) {
		return Optional.ofNullable(COURSES.get(id));
	}

	@Override
	public List<CourseRef> findAllById(Collection<UUID> ids) {
		return ids.stream().map(COURSES::get).filter(Objects::nonNull).toList();
	}

	@Override
	public List<CourseRef> taughtBy(UUID teacherId) {
		return COURSES.values().stream().filter((course) -> course.teacherId().equals(teacherId)).toList();
	}

	@Override
	public Optional<LessonRef> findLesson(UUID lessonId) {
		return Optional.empty();
	}

	@Override
	public List<UUID> lessonIds(UUID courseId) {
		return List.of();
	}

	@Override
	public Map<UUID, Integer> lessonCounts(Collection<UUID> courseIds) {
		return courseIds.stream().distinct().collect(java.util.stream.Collectors.toMap(Function.identity(), (id) -> 0));
	}

}
