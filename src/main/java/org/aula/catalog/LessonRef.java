package org.aula.catalog;

import java.util.UUID;

/**
 * A lesson as other modules see it.
 *
 * @param id lesson id
 * @param courseId the course it belongs to
 * @param moduleNumber the number of its module within the course
 * @param position its position within the module
 * @param title title
 */
public record LessonRef(UUID id, UUID courseId, int moduleNumber, int position, String title) {
}
