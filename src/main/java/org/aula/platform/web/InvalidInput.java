package org.aula.platform.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Input that passed parsing but breaks a rule only the application can check. Answered as
 * a 400 {@code validation-failed} problem listing the offending fields; nothing is
 * changed.
 */
public class InvalidInput extends ErrorResponseException {

	public InvalidInput(String field, String message) {
		this(List.of(new FieldError(field, message)));
	}

	public InvalidInput(List<FieldError> errors) {
		super(HttpStatus.BAD_REQUEST, problem(errors), null);
	}

	private static ProblemDetail problem(List<FieldError> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request has invalid fields; see errors.");
		problem.setType(ProblemTypes.VALIDATION_FAILED);
		problem.setTitle("Validation failed");
		problem.setProperty("errors", List.copyOf(errors));
		return problem;
	}

}
