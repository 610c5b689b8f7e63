package org.aula.catalog;

import java.util.UUID;

/** A lesson with its content, for those who may read it. */
record LessonView(UUID id, String courseCode, int moduleNumber, int position, String title, LessonKind kind,
		String body, Integer durationSeconds, CourseDetail.LessonMedia media) {

	static LessonView of(Lesson lesson, CourseDetail.LessonMedia media) {
		return new LessonView(lesson.id(), lesson.courseCode(), lesson.moduleNumber(), lesson.position(),
				lesson.title(), lesson.kind(), lesson.body(), lesson.durationSeconds(), media);
	}

}
