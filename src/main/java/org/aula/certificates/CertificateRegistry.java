package org.aula.certificates;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.aula.audit.AuditEntry;
import org.aula.audit.AuditLog;
import org.aula.platform.web.NotFound;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Looking certificates up, and revoking them. */
@Component
class CertificateRegistry {

	private final IssuedCertificates certificates;

	private final AuditLog audit;

	private final Clock clock = Clock.systemUTC();

	CertificateRegistry(IssuedCertificates certificates, AuditLog audit) {
		this.certificates = certificates;
		this.audit = audit;
	}

	List<Certificate> ofStudent(UUID studentId) {
		return this.certificates.ofStudent(studentId);
	}

	/**
	 * The certificate with this code, however it was typed.
	 * @throws NotFound when there is none, or the input cannot be a code at all
	 */
	Certificate byCode(String code) {
		return CertificateCodes.normalise(code)
			.flatMap(this.certificates::findByCode)
			.orElseThrow(() -> new NotFound("Certificate"));
	}

	/**
	 * Revokes a valid certificate and records who did it and why in the audit log.
	 * @return the revoked certificate
	 * @throws NotFound when there is no such certificate
	 * @throws org.aula.platform.web.Conflict when it is already revoked
	 */
	@Transactional
	Certificate revoke(String code, String reason) {
		Certificate certificate = byCode(code);
		if (!this.certificates.revoke(certificate.id(), this.clock.instant().truncatedTo(ChronoUnit.MICROS), reason)) {
			throw CertificateProblems.alreadyRevoked();
		}
		Map<String, Object> changes = new LinkedHashMap<>();
		changes.put("code", certificate.code());
		changes.put("studentId", certificate.studentId());
		changes.put("courseId", certificate.courseId());
		changes.put("reason", reason);
		this.audit.record(AuditEntry.of("certificate.revoke", "certificate", certificate.id().toString(), changes));
		return this.certificates.findByCode(certificate.code()).orElseThrow();
	}

}
