package org.aula.platform.security;

import org.aula.platform.web.ProblemTypes;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The 401 the security chain gives a request without a token, for a public endpoint that
 * needs a token after all unless the request proves access another way.
 */
public class AuthenticationRequired extends ErrorResponseException {

	static final String DETAIL = "Authentication is required: send a bearer access token.";

	static final String CHALLENGE = "Bearer realm=\"aula\"";

	private final HttpHeaders headers = new HttpHeaders();

	public AuthenticationRequired() {
		super(HttpStatus.UNAUTHORIZED, problem(), null);
		this.headers.set(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
	}

	@Override
	public HttpHeaders getHeaders() {
		return this.headers;
	}

	private static ProblemDetail problem() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, DETAIL);
		problem.setType(ProblemTypes.UNAUTHORIZED);
		return problem;
	}

}
