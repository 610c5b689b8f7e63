package org.aula.platform.ratelimit;

import org.aula.platform.web.ProblemTypes;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Thrown by an endpoint that applies a limit of its own (logins, registrations): answered
 * as a 429 problem with {@code Retry-After} and {@code RateLimit-*} headers, and nothing
 * is done.
 */
public class RateLimited extends ErrorResponseException {

	private final HttpHeaders headers = new HttpHeaders();

	public RateLimited(RateLimitDecision decision) {
		super(HttpStatus.TOO_MANY_REQUESTS, problem(decision), null);
		this.headers.set("Retry-After", String.valueOf(retryAfterSeconds(decision)));
		this.headers.set("RateLimit-Limit", String.valueOf(decision.limit()));
		this.headers.set("RateLimit-Remaining", String.valueOf(decision.remaining()));
		this.headers.set("RateLimit-Reset", String.valueOf(ceilSeconds(decision.resetAfter().toMillis())));
	}

	@Override
	public HttpHeaders getHeaders() {
		return this.headers;
	}

	private static ProblemDetail problem(RateLimitDecision decision) {
		long retryAfter = retryAfterSeconds(decision);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
				"Too many attempts; retry in %d s.".formatted(retryAfter));
		problem.setType(ProblemTypes.RATE_LIMITED);
		problem.setProperty("retryAfterSeconds", retryAfter);
		return problem;
	}

	private static long retryAfterSeconds(RateLimitDecision decision) {
		return Math.max(1, ceilSeconds(decision.retryAfter().toMillis()));
	}

	private static long ceilSeconds(long millis) {
		return (millis + 999) / 1000;
	}

}
