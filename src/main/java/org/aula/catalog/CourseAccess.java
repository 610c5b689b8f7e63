package org.aula.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What the catalog needs to know about enrolments, implemented by the learning module
 * (the catalog must not depend on it): whether a student may read a course's lesson
 * bodies and media, and whether a course still has students (then it cannot be deleted).
 */
public interface CourseAccess {

	/**
	 * @return true if the user has an active enrolment in the course
	 */
	boolean isEnrolled(UUID userId, UUID courseId);

	/**
	 * @return true if the course has any enrolment, active or cancelled
	 */
	boolean hasEnrolments(UUID courseId);

	/**
	 * @return the ids of the courses the user has an active enrolment in
	 */
	List<UUID> enrolledCourseIds(UUID userId);

	/**
	 * @return those of the users who have an active enrolment in the course
	 */
	Set<UUID> enrolledAmong(UUID courseId, Collection<UUID> userIds);

}
