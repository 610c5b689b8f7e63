package org.aula.platform.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.aula.platform.web.ProblemResponses;
import org.aula.platform.web.ProblemTypes;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Answers the security chain's refusals as problem details. A 401 also says, per RFC
 * 6750, that a bearer token is what the API expects.
 */
class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final ProblemResponses problems;

	ProblemSecurityHandlers(ProblemResponses problems) {
		this.problems = problems;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		boolean tokenPresented = request.getHeader("Authorization") != null;
		response.setHeader("WWW-Authenticate",
				tokenPresented ? "Bearer error=\"invalid_token\"" : AuthenticationRequired.CHALLENGE);
		String detail = tokenPresented ? "The access token is invalid, expired or revoked."
				: AuthenticationRequired.DETAIL;
		this.problems.write(response,
				ProblemResponses.problem(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED, detail, request));
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException accessDeniedException) throws IOException {
		this.problems.write(response, ProblemResponses.problem(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN,
				"You are not allowed to do this.", request));
	}

}
