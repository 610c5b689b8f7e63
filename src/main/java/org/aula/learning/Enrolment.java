package org.aula.learning;

import org.aula.platform.jdbc.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/**
 * A student's place in a course.
 *
 * @param completedAt when the student first completed every lesson, or null
 */
record Enrolment(UUID id, UUID studentId, UUID courseId, Status status, Source source, Instant createdAt,
		Instant completedAt) {

	enum Status {

		ACTIVE, CANCELLED

	}

	/** How the student got in. */
	enum Source {

		FREE, PURCHASE, ADMIN

	}

	static Enrolment create(UUID studentId, UUID courseId, Source source, Instant now) {
		return new Enrolment(UUID.randomUUID(), studentId, courseId, Status.ACTIVE, source, now, null);
	}

	static Enrolment map(ResultSet rs, int row) throws SQLException {
		return new Enrolment(rs.getObject("id", UUID.class), rs.getObject("student_id", UUID.class),
				rs.getObject("course_id", UUID.class), Status.valueOf(rs.getString("status")),
				Source.valueOf(rs.getString("source")), Timestamps.read(rs, "created_at"),
				Timestamps.read(rs, "completed_at"));
	}

}
