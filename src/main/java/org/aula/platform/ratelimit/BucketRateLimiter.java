package org.aula.platform.ratelimit;

import java.time.Duration;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What both stores share: one Bucket4j token bucket per rule and key, the translation of
 * Bucket4j's probe into a {@link RateLimitDecision}, and the decision counter.
 */
abstract class BucketRateLimiter implements RateLimiter {

	private final MeterRegistry meterRegistry;

	BucketRateLimiter(MeterRegistry meterRegistry) {
		this.meterRegistry = meterRegistry;
	}

	@Override
	public final RateLimitDecision tryConsume(String key, RateLimitRule rule) {
		ConsumptionProbe probe = bucket(key, rule).tryConsumeAndReturnRemaining(1);
		RateLimitDecision decision = new RateLimitDecision(probe.isConsumed(), rule.capacity(),
				probe.getRemainingTokens(), Duration.ofNanos(probe.getNanosToWaitForReset()),
				probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill()));
		Counter.builder("aula.ratelimit.decisions")
			.description("Requests checked against a rate limit")
			.tag("rule", rule.name())
			.tag("outcome", decision.allowed() ? "allowed" : "rejected")
			.register(this.meterRegistry)
			.increment();
		return decision;
	}

	@Override
	public final RateLimitDecision peek(String key, RateLimitRule rule) {
		EstimationProbe probe = bucket(key, rule).estimateAbilityToConsume(1);
		long missing = rule.capacity() - probe.getRemainingTokens();
		Duration reset = rule.period().multipliedBy(Math.max(0, missing)).dividedBy(rule.capacity());
		return new RateLimitDecision(probe.canBeConsumed(), rule.capacity(), probe.getRemainingTokens(), reset,
				probe.canBeConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill()));
	}

	/**
	 * The bucket of {@code key} under {@code rule}, created full on first use and
	 * reconfigured if the rule has changed since.
	 */
	abstract Bucket bucket(String key, RateLimitRule rule);

	static Bandwidth bandwidth(RateLimitRule rule) {
		return Bandwidth.builder()
			.capacity(rule.capacity())
			.refillGreedy(rule.capacity(), rule.period())
			.id(rule.name())
			.build();
	}

}
