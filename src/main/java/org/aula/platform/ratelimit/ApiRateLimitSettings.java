package org.aula.platform.ratelimit;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The generic API limits, per user when a token was presented and per client address
 * otherwise. The first rule whose paths match a request applies; a request no rule
 * matches is not limited here (endpoints such as login add their own, stricter limits).
 *
 * @param rules route groups and their limits, in order of precedence
 */
@ConfigurationProperties("aula.ratelimit")
record ApiRateLimitSettings(@DefaultValue List<Route> rules) {

	ApiRateLimitSettings {
		rules = List.copyOf(rules);
	}

	/**
	 * One route group.
	 *
	 * @param name the rule's name, also the bucket namespace
	 * @param paths path patterns such as {@code /api/**}
	 * @param capacity requests allowed per period, and the largest burst
	 * @param period the period over which the bucket refills
	 */
	record Route(String name, List<String> paths, long capacity, @DefaultValue("1m") Duration period) {

		Route {
			if (paths == null || paths.isEmpty()) {
				throw new IllegalArgumentException("aula.ratelimit.rules entry '%s' needs paths".formatted(name));
			}
			paths = List.copyOf(paths);
		}

		RateLimitRule rule() {
			return new RateLimitRule(this.name, this.capacity, this.period);
		}

	}

}
