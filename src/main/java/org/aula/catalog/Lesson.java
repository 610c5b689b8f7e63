package org.aula.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** A row of {@code lessons} with the course and module it belongs to. */
record Lesson(UUID id, UUID moduleId, int moduleNumber, UUID courseId, String courseCode, UUID teacherId, int position,
		String title, LessonKind kind, String body, Integer durationSeconds, MediaRef media) {

	static final String COLUMNS = "l.id, l.module_id, m.number AS module_number, c.id AS course_id,"
			+ " c.code AS course_code, c.teacher_id, l.position, l.title, l.kind, l.body, l.duration_seconds,"
			+ " l.media_sha256, l.media_type, l.media_name, l.media_size";

	static final String FROM = " FROM lessons l JOIN course_modules m ON m.id = l.module_id"
			+ " JOIN courses c ON c.id = m.course_id";

	static Lesson map(ResultSet rs, int row) throws SQLException {
		return new Lesson(rs.getObject("id", UUID.class), rs.getObject("module_id", UUID.class),
				rs.getInt("module_number"), rs.getObject("course_id", UUID.class), rs.getString("course_code"),
				rs.getObject("teacher_id", UUID.class), rs.getInt("position"), rs.getString("title"),
				LessonKind.valueOf(rs.getString("kind")), rs.getString("body"),
				rs.getObject("duration_seconds", Integer.class), MediaRef.map(rs));
	}

	LessonRef ref() {
		return new LessonRef(this.id, this.courseId, this.moduleNumber, this.position, this.title);
	}

}
