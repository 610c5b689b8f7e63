package org.aula.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Read access to the catalog for other modules. Every method is one query, whatever the
 * input size.
 */
public interface Courses {

	Optional<CourseRef> findByCode(String code);

	Optional<CourseRef> findById(UUID id);

	/**
	 * @return the courses found among {@code ids}, unknown ids skipped
	 */
	List<CourseRef> findAllById(Collection<UUID> ids);

	/**
	 * @param teacherId a user id
	 * @return the courses the user teaches, published or not, oldest first
	 */
	List<CourseRef> taughtBy(UUID teacherId);

	Optional<LessonRef> findLesson(UUID lessonId);

	/**
	 * @return the ids of every lesson of the course, in module and position order
	 */
	List<UUID> lessonIds(UUID courseId);

	/**
	 * @return the number of lessons of each of the given courses (zero for a course
	 * without lessons)
	 */
	Map<UUID, Integer> lessonCounts(Collection<UUID> courseIds);

}
