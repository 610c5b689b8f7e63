package org.aula.certificates;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.aula.platform.jdbc.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code certificates} table. */
@Repository
class IssuedCertificates {

	private final JdbcClient jdbc;

	IssuedCertificates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Stores a new certificate.
	 * @throws org.springframework.dao.DuplicateKeyException when the student already has
	 * a certificate for the course, or (most unlikely) the code is taken
	 */
	void insert(Certificate certificate) {
		this.jdbc
			.sql("INSERT INTO certificates (" + Certificate.COLUMNS
					+ ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(certificate.id(), certificate.code(), certificate.studentId(), certificate.courseId(),
					certificate.studentName(), certificate.courseTitle(), certificate.teacherName(),
					Timestamps.of(certificate.completedAt()), Timestamps.of(certificate.issuedAt()),
					certificate.pdfSha256(), certificate.pdfSize(), certificate.status().name(),
					Timestamps.of(certificate.revokedAt()), certificate.revokedReason())
			.update();
	}

	Optional<Certificate> find(UUID studentId, UUID courseId) {
		return this.jdbc
			.sql("SELECT " + Certificate.COLUMNS + " FROM certificates WHERE student_id = ? AND course_id = ?")
			.params(studentId, courseId)
			.query(Certificate::map)
			.optional();
	}

	/**
	 * The certificate with this code.
	 * @param code a normalised code
	 * @return the certificate, or empty
	 */
	Optional<Certificate> findByCode(String code) {
		return this.jdbc.sql("SELECT " + Certificate.COLUMNS + " FROM certificates WHERE code = ?")
			.param(code)
			.query(Certificate::map)
			.optional();
	}

	/** The student's certificates, newest first. */
	List<Certificate> ofStudent(UUID studentId) {
		return this.jdbc
			.sql("SELECT " + Certificate.COLUMNS
					+ " FROM certificates WHERE student_id = ? ORDER BY issued_at DESC, id")
			.param(studentId)
			.query(Certificate::map)
			.list();
	}

	/**
	 * @return true if this call revoked the certificate, false if it already was
	 */
	boolean revoke(UUID id, Instant at, String reason) {
		return this.jdbc.sql("""
				UPDATE certificates SET status = 'REVOKED', revoked_at = ?, revoked_reason = ?
				WHERE id = ? AND status = 'VALID'
				""").params(Timestamps.of(at), reason, id).update() == 1;
	}

}
