package org.aula.learning;

import java.net.URI;

import org.aula.platform.web.Conflict;
import org.aula.platform.web.ProblemTypes;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Problem types specific to learning; see docs/errors.md. */
final class LearningProblems {

	static final URI ALREADY_ENROLLED = ProblemTypes.of("already-enrolled");

	static final URI PAYMENT_DECLINED = ProblemTypes.of("payment-declined");

	static final URI IDEMPOTENCY_KEY_REUSED = ProblemTypes.of("idempotency-key-reused");

	private LearningProblems() {
	}

	static Conflict alreadyEnrolled() {
		return new Conflict(ALREADY_ENROLLED, "The student is already enrolled in this course.");
	}

	static ErrorResponseException paymentDeclined(String reason) {
		return of(HttpStatus.PAYMENT_REQUIRED, PAYMENT_DECLINED, "The payment was declined: " + reason);
	}

	static ErrorResponseException idempotencyKeyReused() {
		return of(HttpStatus.UNPROCESSABLE_CONTENT, IDEMPOTENCY_KEY_REUSED,
				"This Idempotency-Key was already used for a different request; use a new key.");
	}

	private static ErrorResponseException of(HttpStatus status, URI type, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type);
		return new ErrorResponseException(status, problem, null);
	}

}
