package org.aula.platform.jobs;

import java.time.Duration;

/**
 * How a failing job is retried: attempt {@code n} fails, and the next one starts after
 * {@code firstDelay * 2^(n-1)}, at most {@code maxDelay}, with up to 20% random jitter so
 * that jobs failing together do not retry together.
 *
 * @param maxAttempts attempts before the job is dead, at least 1
 * @param firstDelay delay after the first failure
 * @param maxDelay cap on the delay
 */
public record RetryPolicy(int maxAttempts, Duration firstDelay, Duration maxDelay) {

	/** Five attempts over about 2.5 minutes. */
	public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofSeconds(10), Duration.ofMinutes(10));

	public RetryPolicy {
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("maxAttempts must be at least 1");
		}
		if (firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0) {
			throw new IllegalArgumentException("Delays must be positive and maxDelay >= firstDelay");
		}
	}

	/**
	 * The delay before the attempt after {@code failedAttempt}, without jitter.
	 * @param failedAttempt the attempt that failed, from 1
	 * @return the delay
	 */
	public Duration delayAfter(int failedAttempt) {
		int doublings = Math.min(Math.max(failedAttempt - 1, 0), 30);
		Duration delay = this.firstDelay.multipliedBy(1L << doublings);
		return (delay.compareTo(this.maxDelay) > 0 || delay.isNegative()) ? this.maxDelay : delay;
	}

}
