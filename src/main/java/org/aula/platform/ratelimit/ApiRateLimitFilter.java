package org.aula.platform.ratelimit;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.aula.platform.web.ProblemResponses;
import org.aula.platform.web.ProblemTypes;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Applies the generic API limits after authentication, so that a user is limited as one
 * person whichever instance or address the requests come from. Every limited response
 * says how much is left ({@code RateLimit-*}); a refused one is a 429 problem with
 * {@code Retry-After}. (When the shared store fails the limiter itself falls back to
 * per-instance limits, so this filter never fails a request because of it.)
 */
class ApiRateLimitFilter extends OncePerRequestFilter {

	private final List<MatchedRoute> routes;

	private final RateLimiter limiter;

	private final ProblemResponses problems;

	ApiRateLimitFilter(ApiRateLimitSettings settings, RateLimiter limiter, ProblemResponses problems) {
		this.routes = settings.rules().stream().map(MatchedRoute::new).toList();
		this.limiter = limiter;
		this.problems = problems;
	}

	/** Probes must answer the load balancer however busy a client address is. */
	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI();
		return path.equals("/api/health") || path.equals("/api/ready");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		MatchedRoute route = route(request);
		if (route == null) {
			chain.doFilter(request, response);
			return;
		}
		RateLimitDecision decision = this.limiter.tryConsume(clientKey(request), route.rule);
		response.setHeader("RateLimit-Limit", String.valueOf(decision.limit()));
		response.setHeader("RateLimit-Remaining", String.valueOf(decision.remaining()));
		response.setHeader("RateLimit-Reset", String.valueOf(seconds(decision.resetAfter())));
		if (decision.allowed()) {
			chain.doFilter(request, response);
			return;
		}
		long retryAfter = Math.max(1, seconds(decision.retryAfter()));
		response.setHeader("Retry-After", String.valueOf(retryAfter));
		ProblemDetail problem = ProblemResponses.problem(HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.RATE_LIMITED,
				"Too many requests; retry in %d s.".formatted(retryAfter), request);
		problem.setProperty("retryAfterSeconds", retryAfter);
		this.problems.write(response, problem);
	}

	private MatchedRoute route(HttpServletRequest request) {
		var path = org.springframework.http.server.PathContainer.parsePath(request.getRequestURI());
		for (MatchedRoute route : this.routes) {
			if (route.matches(path)) {
				return route;
			}
		}
		return null;
	}

	private static String clientKey(HttpServletRequest request) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken)) {
			return "user:" + authentication.getName();
		}
		return "ip:" + request.getRemoteAddr();
	}

	private static long seconds(Duration duration) {
		long millis = duration.toMillis();
		return (millis + 999) / 1000;
	}

	private static final class MatchedRoute {

		private final List<PathPattern> patterns;

		private final RateLimitRule rule;

		MatchedRoute(ApiRateLimitSettings.Route route) {
			this.patterns = route.paths().stream().map(PathPatternParser.defaultInstance::parse).toList();
			this.rule = route.rule();
		}

		boolean matches(org.springframework.http.server.PathContainer path) {
			return this.patterns.stream().anyMatch((pattern) -> pattern.matches(path));
		}

	}

}
