package org.aula.platform.ratelimit;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps limits working when the shared store does not answer: each instance then limits
 * on its own (so the deployment-wide limit is at most instances × limit for the outage),
 * and the shared store is used again on the next call that reaches it. A request is never
 * failed because the limiter's store is down.
 */
final class FallingBackRateLimiter implements RateLimiter {

	private static final Logger log = LoggerFactory.getLogger(FallingBackRateLimiter.class);

	private final RateLimiter shared;

	private final RateLimiter local;

	private final Counter fallbacks;

	private final AtomicLong lastWarning = new AtomicLong();

	FallingBackRateLimiter(RateLimiter shared, RateLimiter local, MeterRegistry meters) {
		this.shared = shared;
		this.local = local;
		this.fallbacks = Counter.builder("aula.ratelimit.fallbacks")
			.description("Rate-limit decisions taken locally because the shared store failed")
			.register(meters);
	}

	@Override
	public RateLimitDecision tryConsume(String key, RateLimitRule rule) {
		return withFallback(() -> this.shared.tryConsume(key, rule), () -> this.local.tryConsume(key, rule));
	}

	@Override
	public RateLimitDecision peek(String key, RateLimitRule rule) {
		return withFallback(() -> this.shared.peek(key, rule), () -> this.local.peek(key, rule));
	}

	private RateLimitDecision withFallback(Supplier<RateLimitDecision> primary, Supplier<RateLimitDecision> fallback) {
		try {
			return primary.get();
		}
		catch (RuntimeException ex) {
			this.fallbacks.increment();
			long now = System.currentTimeMillis();
			long last = this.lastWarning.get();
			if (now - last > 60_000 && this.lastWarning.compareAndSet(last, now)) {
				log.warn("Shared rate-limit store failed ({}); limiting per instance until it answers again",
						ex.getMessage());
			}
			return fallback.get();
		}
	}

}
