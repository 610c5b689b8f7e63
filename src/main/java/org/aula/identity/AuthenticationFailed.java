package org.aula.identity;

import java.net.URI;

import org.aula.platform.web.ProblemTypes;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Credentials or a token presented to an authentication endpoint were not accepted: 401.
 */
class AuthenticationFailed extends ErrorResponseException {

	static final URI INVALID_CREDENTIALS = ProblemTypes.of("invalid-credentials");

	static final URI INVALID_REFRESH_TOKEN = ProblemTypes.of("invalid-refresh-token");

	private final HttpHeaders headers = new HttpHeaders();

	AuthenticationFailed(URI type, String detail) {
		super(HttpStatus.UNAUTHORIZED, problem(type, detail), null);
		this.headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"aula\"");
	}

	static AuthenticationFailed credentials() {
		return new AuthenticationFailed(INVALID_CREDENTIALS, "Email or password is incorrect.");
	}

	static AuthenticationFailed refreshToken() {
		return new AuthenticationFailed(INVALID_REFRESH_TOKEN,
				"The refresh token is invalid, expired or already used; sign in again.");
	}

	/**
	 * Adds headers to the refusal, such as cookies to clear.
	 * @param extra the headers to add
	 * @return this refusal
	 */
	AuthenticationFailed with(HttpHeaders extra) {
		extra.forEach((name, values) -> values.forEach((value) -> this.headers.add(name, value)));
		return this;
	}

	@Override
	public HttpHeaders getHeaders() {
		return this.headers;
	}

	private static ProblemDetail problem(URI type, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail);
		problem.setType(type);
		return problem;
	}

}
