package org.aula.certificates;

import java.net.URI;

import org.aula.platform.web.Conflict;
import org.aula.platform.web.ProblemTypes;

/** Problem types specific to certificates; see docs/errors.md. */
final class CertificateProblems {

	static final URI ALREADY_REVOKED = ProblemTypes.of("certificate-already-revoked");

	private CertificateProblems() {
	}

	static Conflict alreadyRevoked() {
		return new Conflict(ALREADY_REVOKED, "The certificate is already revoked.");
	}

}
