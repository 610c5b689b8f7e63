package org.aula.identity;

import java.net.URI;

import org.aula.platform.web.ProblemTypes;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Problem types specific to identity; see docs/errors.md. */
final class IdentityProblems {

	static final URI EMAIL_TAKEN = ProblemTypes.of("email-taken");

	static final URI NATIONAL_ID_TAKEN = ProblemTypes.of("national-id-taken");

	static final URI LAST_ADMIN = ProblemTypes.of("last-admin");

	static final URI INVALID_INVITATION = ProblemTypes.of("invalid-invitation");

	static final URI INVALID_RESET_TOKEN = ProblemTypes.of("invalid-reset-token");

	static final URI SELF_REGISTRATION_DISABLED = ProblemTypes.of("self-registration-disabled");

	private IdentityProblems() {
	}

	static ErrorResponseException of(HttpStatus status, URI type, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type);
		return new ErrorResponseException(status, problem, null);
	}

}
