package org.aula.platform.ratelimit;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.aula.platform.web.ProblemResponses;
import org.aula.platform.web.ProblemTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * {@code Retry-After}. If the shared store fails, limits keep working per instance rather
 * than failing requests.
 */
class ApiRateLimitFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(ApiRateLimitFilter.class);

	private final List<MatchedRoute> routes;

	private final RateLimiter limiter;

	private final RateLimiter fallback;

	private final ProblemResponses problems;

	private final Counter fallbacks;

	private final AtomicLong lastFallbackWarning = new AtomicLong();

	ApiRateLimitFilter(ApiRateLimitSettings settings, RateLimiter limiter, RateLimiter fallback,
			ProblemResponses problems, MeterRegistry meters) {
		this.routes = settings.rules().stream().map(MatchedRoute::new).toList();
		this.limiter = limiter;
		this.fallback = fallback;
		this.problems = problems;
		this.fallbacks = Counter.builder("aula.ratelimit.fallbacks")
			.description("Rate-limit decisions taken locally because the shared store failed")
			.register(meters);
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
		RateLimitDecision decision = decide(clientKey(request), route.rule);
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

	private RateLimitDecision decide(String key, RateLimitRule rule) {
		try {
			return this.limiter.tryConsume(key, rule);
		}
		catch (RuntimeException ex) {
			this.fallbacks.increment();
			long now = System.currentTimeMillis();
			long last = this.lastFallbackWarning.get();
			if (now - last > 60_000 && this.lastFallbackWarning.compareAndSet(last, now)) {
				log.warn("Shared rate-limit store failed ({}); limiting per instance until it answers again",
						ex.getMessage());
			}
			return this.fallback.tryConsume(key, rule);
		}
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
