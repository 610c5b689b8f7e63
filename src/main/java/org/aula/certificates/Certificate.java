package org.aula.certificates;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

import org.aula.platform.jdbc.Timestamps;

/**
 * An issued certificate, with the names and title as they were when it was issued.
 *
 * @param teacherName null when the course's teacher could not be found at issue time
 * @param pdfSha256 the PDF's address in the media store
 * @param revokedAt null while valid
 * @param revokedReason null while valid
 */
record Certificate(UUID id, String code, UUID studentId, UUID courseId, String studentName, String courseTitle,
		String teacherName, Instant completedAt, Instant issuedAt, String pdfSha256, long pdfSize, Status status,
		Instant revokedAt, String revokedReason) {

	static final String COLUMNS = "id, code, student_id, course_id, student_name, course_title, teacher_name,"
			+ " completed_at, issued_at, pdf_sha256, pdf_size, status, revoked_at, revoked_reason";

	static Certificate map(ResultSet rs, int row) throws SQLException {
		return new Certificate(rs.getObject("id", UUID.class), rs.getString("code"),
				rs.getObject("student_id", UUID.class), rs.getObject("course_id", UUID.class),
				rs.getString("student_name"), rs.getString("course_title"), rs.getString("teacher_name"),
				Timestamps.read(rs, "completed_at"), Timestamps.read(rs, "issued_at"), rs.getString("pdf_sha256"),
				rs.getLong("pdf_size"), Status.valueOf(rs.getString("status")), Timestamps.read(rs, "revoked_at"),
				rs.getString("revoked_reason"));
	}

	enum Status {

		VALID, REVOKED

	}

}
