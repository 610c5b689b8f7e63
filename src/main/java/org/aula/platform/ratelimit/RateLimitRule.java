package org.aula.platform.ratelimit;

import java.time.Duration;
import java.util.Objects;

/**
 * A named limit: at most {@code capacity} requests per {@code period} for each key,
 * refilled gradually over the period rather than all at once when it ends.
 *
 * @param name identifies the rule; buckets of different rules never share a count
 * @param capacity requests allowed in one period, and the size of a burst
 * @param period time in which a drained bucket refills completely
 */
public record RateLimitRule(String name, long capacity, Duration period) {

	public RateLimitRule {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(period, "period");
		if (name.isBlank()) {
			throw new IllegalArgumentException("A rate limit rule needs a name");
		}
		if (capacity <= 0) {
			throw new IllegalArgumentException(
					"Rate limit rule '%s' needs a capacity above zero, not %d".formatted(name, capacity));
		}
		if (period.isNegative() || period.isZero()) {
			throw new IllegalArgumentException(
					"Rate limit rule '%s' needs a positive period, not %s".formatted(name, period));
		}
	}

}
