package org.aula.platform.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.aula.platform.web.ProblemResponses;
import org.aula.platform.web.ProblemTypes;

import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.cors.DefaultCorsProcessor;

/** A cross-origin request from an origin not on the allow-list gets a 403 problem. */
class ProblemCorsProcessor extends DefaultCorsProcessor {

	private final ProblemResponses problems;

	ProblemCorsProcessor(ProblemResponses problems) {
		this.problems = problems;
	}

	@Override
	protected void rejectRequest(ServerHttpResponse response) throws IOException {
		if (response instanceof ServletServerHttpResponse servletResponse) {
			HttpServletResponse raw = servletResponse.getServletResponse();
			this.problems.write(raw, ProblemResponses.problem(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN,
					"This origin is not allowed to call the API.", currentRequest()));
			return;
		}
		super.rejectRequest(response);
	}

	/**
	 * The processor is not handed the request; Spring's request-context filter has it.
	 */
	private static HttpServletRequest currentRequest() {
		return (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)
				? attributes.getRequest() : null;
	}

}
