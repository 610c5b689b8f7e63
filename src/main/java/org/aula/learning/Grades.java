package org.aula.learning;

import org.aula.platform.jdbc.Timestamps;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code grades} table. */
@Repository
class Grades {

	private static final String COLUMNS = "id, student_id, course_id, module_number, score, comment, graded_by,"
			+ " updated_at";

	private final JdbcClient jdbc;

	Grades(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Grade> find(UUID studentId, UUID courseId, int moduleNumber) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM grades WHERE student_id = ? AND course_id = ? AND module_number = ?")
			.params(studentId, courseId, moduleNumber)
			.query(Grade::map)
			.optional();
	}

	void insert(Grade grade) {
		this.jdbc.sql("INSERT INTO grades (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(grade.id(), grade.studentId(), grade.courseId(), grade.moduleNumber(), grade.score(),
					grade.comment(), grade.gradedBy(), Timestamps.of(grade.updatedAt()))
			.update();
	}

	void update(Grade grade) {
		this.jdbc.sql("UPDATE grades SET score = ?, comment = ?, graded_by = ?, updated_at = ? WHERE id = ?")
			.params(grade.score(), grade.comment(), grade.gradedBy(), Timestamps.of(grade.updatedAt()), grade.id())
			.update();
	}

	List<Grade> ofCourse(UUID courseId) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM grades WHERE course_id = ? ORDER BY student_id, module_number")
			.param(courseId)
			.query(Grade::map)
			.list();
	}

	List<Grade> ofStudent(UUID studentId) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM grades WHERE student_id = ? ORDER BY course_id, module_number")
			.param(studentId)
			.query(Grade::map)
			.list();
	}

}
