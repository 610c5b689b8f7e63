package org.aula.platform.ratelimit;

import java.time.Duration;

/**
 * The outcome of one request against a {@link RateLimitRule}, with what a client needs to
 * pace itself ({@code RateLimit-Limit}, {@code RateLimit-Remaining},
 * {@code RateLimit-Reset} and {@code Retry-After}).
 *
 * @param allowed whether the request may proceed
 * @param limit the rule's capacity
 * @param remaining requests still allowed right now
 * @param resetAfter time until the bucket is full again
 * @param retryAfter zero when allowed, else the time until one request is allowed again
 */
public record RateLimitDecision(boolean allowed, long limit, long remaining, Duration resetAfter, Duration retryAfter) {

}
