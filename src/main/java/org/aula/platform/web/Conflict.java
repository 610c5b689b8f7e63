package org.aula.platform.web;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The request is well-formed but clashes with the current state (a duplicate, a forbidden
 * transition). Answered as 409 with a type specific to the clash.
 */
public class Conflict extends ErrorResponseException {

	public Conflict(URI type, String detail) {
		super(HttpStatus.CONFLICT, problem(type, detail), null);
	}

	private static ProblemDetail problem(URI type, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
		problem.setType(type);
		return problem;
	}

}
