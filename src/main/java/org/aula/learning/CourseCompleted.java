package org.aula.learning;

import java.time.Instant;
import java.util.UUID;

/**
 * A student has completed every lesson of a course. Published once per student and
 * course, in the transaction that recorded the last completion, even if lessons are
 * completed again or added later.
 *
 * @param studentId the student
 * @param courseId the course
 * @param completedAt when the last lesson was completed
 */
public record CourseCompleted(UUID studentId, UUID courseId, Instant completedAt) {
}
