package org.aula.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The thing asked for does not exist, or the caller may not know that it does: answering
 * 404 in both cases keeps ids from being confirmed to those who may not see them.
 */
public class NotFound extends ErrorResponseException {

	public NotFound(String what) {
		super(HttpStatus.NOT_FOUND, problem(what), null);
	}

	private static ProblemDetail problem(String what) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, what + " not found.");
		problem.setType(ProblemTypes.NOT_FOUND);
		return problem;
	}

}
