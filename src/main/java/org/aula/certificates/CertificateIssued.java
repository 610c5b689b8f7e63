package org.aula.certificates;

import java.time.Instant;
import java.util.UUID;

/**
 * A certificate was issued. Published once per student and course, in the transaction
 * that stored the certificate, so a listener after commit (an email to the student, say)
 * hears of it exactly once.
 *
 * @param certificateId the certificate's id
 * @param code the public verification code, e.g. {@code 7K3M-Q9XD-2HPA-W5RT}
 * @param studentId the holder
 * @param courseId the completed course
 * @param verificationUrl where anyone can check the certificate
 * @param issuedAt when it was issued
 */
public record CertificateIssued(UUID certificateId, String code, UUID studentId, UUID courseId, String verificationUrl,
		Instant issuedAt) {
}
