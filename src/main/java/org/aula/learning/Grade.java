package org.aula.learning;

import org.aula.platform.jdbc.Timestamps;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/**
 * A student's score in a course or in one of its modules.
 *
 * @param moduleNumber the module, or 0 for the whole course
 */
record Grade(UUID id, UUID studentId, UUID courseId, int moduleNumber, BigDecimal score, String comment, UUID gradedBy,
		Instant updatedAt) {

	static Grade map(ResultSet rs, int row) throws SQLException {
		return new Grade(rs.getObject("id", UUID.class), rs.getObject("student_id", UUID.class),
				rs.getObject("course_id", UUID.class), rs.getInt("module_number"), rs.getBigDecimal("score"),
				rs.getString("comment"), rs.getObject("graded_by", UUID.class), Timestamps.read(rs, "updated_at"));
	}

}
