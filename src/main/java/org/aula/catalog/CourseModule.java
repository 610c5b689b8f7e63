package org.aula.catalog;

import java.util.UUID;

/** A row of {@code course_modules}. */
record CourseModule(UUID id, UUID courseId, int number, String title) {
}
