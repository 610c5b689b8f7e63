package org.aula.learning;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.aula.catalog.CourseRef;
import org.aula.catalog.Courses;
import org.aula.catalog.LessonRef;

import org.springframework.context.annotation.Primary;

/**
 * A catalog for the learning tests, which add courses and lessons to it directly. The
 * store is shared by every instance in the test JVM, as the catalog's tables are shared
 * by instances on one database. Registered only as an extra source of the applications
 * these tests start, and primary, so it stands in for the catalog's own implementation.
 */
@Primary
public class InMemoryCourses implements Courses {

	private static final Map<UUID, CourseRef> COURSES = new ConcurrentHashMap<>();

	private static final Map<UUID, LessonRef> LESSONS = new ConcurrentHashMap<>();

	static CourseRef addCourse(String code, UUID teacherId, String price, boolean published) {
		CourseRef course = new CourseRef(UUID.randomUUID(), code, "Course " + code, teacherId, new BigDecimal(price),
				"EUR", published);
		COURSES.put(course.id(), course);
		return course;
	}

	static LessonRef addLesson(CourseRef course, int moduleNumber, int position) {
		LessonRef lesson = new LessonRef(UUID.randomUUID(), course.id(), moduleNumber, position,
				"Lesson " + moduleNumber + "." + position);
		LESSONS.put(lesson.id(), lesson);
		return lesson;
	}

	static void removeLesson(LessonRef lesson) {
		LESSONS.remove(lesson.id());
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
		return Optional.ofNullable(LESSONS.get(lessonId));
	}

	@Override
	public List<UUID> lessonIds(UUID courseId) {
		return LESSONS.values()
			.stream()
			.filter((lesson) -> lesson.courseId().equals(courseId))
			.sorted(Comparator.comparingInt(LessonRef::moduleNumber).thenComparingInt(LessonRef::position))
			.map(LessonRef::id)
			.toList();
	}

	@Override
	public Map<UUID, Integer> lessonCounts(Collection<UUID> courseIds) {
		Map<UUID, Long> counts = LESSONS.values()
			.stream()
			.filter((lesson) -> courseIds.contains(lesson.courseId()))
			.collect(Collectors.groupingBy(LessonRef::courseId, Collectors.counting()));
		return courseIds.stream()
			.distinct()
			.collect(Collectors.toMap(Function.identity(), (id) -> counts.getOrDefault(id, 0L).intValue()));
	}

}
