package org.aula.learning;

import org.aula.platform.jdbc.Timestamps;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.aula.catalog.CourseAccess;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code enrolments} table; also answers the catalog's questions about enrolments. It
 * depends on nothing but the database, so the catalog can ask it while its own beans are
 * still being created.
 */
@Repository
class Enrolments implements CourseAccess {

	private static final String COLUMNS = "id, student_id, course_id, status, source, created_at, completed_at";

	private final JdbcClient jdbc;

	Enrolments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Enrolment enrolment) {
		this.jdbc.sql("INSERT INTO enrolments (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(enrolment.id(), enrolment.studentId(), enrolment.courseId(), enrolment.status().name(),
					enrolment.source().name(), Timestamps.of(enrolment.createdAt()),
					Timestamps.of(enrolment.completedAt()))
			.update();
	}

	boolean exists(UUID studentId, UUID courseId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM enrolments WHERE student_id = ? AND course_id = ?")
			.params(studentId, courseId)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * The student's active enrolment, locked for the rest of the transaction so that
	 * changes to one student's progress and grades in a course serialise.
	 */
	Optional<Enrolment> activeForUpdate(UUID studentId, UUID courseId) {
		return this.jdbc
			.sql("SELECT " + COLUMNS
					+ " FROM enrolments WHERE student_id = ? AND course_id = ? AND status = 'ACTIVE' FOR UPDATE")
			.params(studentId, courseId)
			.query(Enrolment::map)
			.optional();
	}

	List<Enrolment> ofStudent(UUID studentId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM enrolments WHERE student_id = ? ORDER BY created_at, id")
			.param(studentId)
			.query(Enrolment::map)
			.list();
	}

	List<Enrolment> ofCourse(UUID courseId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM enrolments WHERE course_id = ? ORDER BY created_at, id")
			.param(courseId)
			.query(Enrolment::map)
			.list();
	}

	/**
	 * @return true if this call marked the enrolment completed, false if it already was
	 */
	boolean markCompleted(UUID enrolmentId, Instant at) {
		return this.jdbc.sql("UPDATE enrolments SET completed_at = ? WHERE id = ? AND completed_at IS NULL")
			.params(Timestamps.of(at), enrolmentId)
			.update() == 1;
	}

	@Override
	public boolean isEnrolled(UUID userId, UUID courseId) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM enrolments WHERE student_id = ? AND course_id = ? AND status = 'ACTIVE'")
			.params(userId, courseId)
			.query(Long.class)
			.single() > 0;
	}

	@Override
	public boolean hasEnrolments(UUID courseId) {
		return !this.jdbc.sql("SELECT id FROM enrolments WHERE course_id = ? FETCH FIRST 1 ROWS ONLY")
			.param(courseId)
			.query(UUID.class)
			.list()
			.isEmpty();
	}

	@Override
	public List<UUID> enrolledCourseIds(UUID userId) {
		return this.jdbc.sql("SELECT course_id FROM enrolments WHERE student_id = ? AND status = 'ACTIVE'")
			.param(userId)
			.query(UUID.class)
			.list();
	}

	@Override
	public Set<UUID> enrolledAmong(UUID courseId, Collection<UUID> userIds) {
		if (userIds.isEmpty()) {
			return Set.of();
		}
		return Set.copyOf(this.jdbc
			.sql("SELECT student_id FROM enrolments WHERE course_id = :course AND status = 'ACTIVE'"
					+ " AND student_id IN (:students)")
			.param("course", courseId)
			.param("students", List.copyOf(userIds))
			.query(UUID.class)
			.list());
	}

}
