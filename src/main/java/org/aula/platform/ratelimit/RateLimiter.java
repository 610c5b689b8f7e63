package org.aula.platform.ratelimit;

/**
 * Counts requests per key against a {@link RateLimitRule}. In the shared (Redis) mode
 * every instance draws from the same buckets, so the limit holds for the whole
 * deployment, not per instance.
 * <p>
 * When Redis is down, the Redis store does not keep Aula from starting: it connects on
 * first use, and while Redis cannot be reached or has just failed it throws at once,
 * without waiting for a timeout, so the caller can fall back to per-instance buckets; it
 * uses Redis again as soon as Redis answers.
 */
public interface RateLimiter {

	/**
	 * Takes one request from the bucket of {@code key} under {@code rule}. The same key
	 * under two rules uses two independent buckets.
	 * @param key who is limited, for example a user id or a client address
	 * @param rule the limit to apply
	 * @return whether the request is allowed, and how the client should pace itself
	 * @throws RuntimeException if the shared store cannot be reached; the caller chooses
	 * whether to let the request through
	 */
	RateLimitDecision tryConsume(String key, RateLimitRule rule);

	/**
	 * Tells whether one request would be allowed now, without taking it. Used where only
	 * some outcomes count against a limit (failed logins, for instance): peek first, and
	 * consume once the outcome is known.
	 * @param key who is limited
	 * @param rule the limit to apply
	 * @return the decision {@link #tryConsume} would take, with nothing consumed
	 * @throws RuntimeException if the shared store cannot be reached
	 */
	RateLimitDecision peek(String key, RateLimitRule rule);

}
