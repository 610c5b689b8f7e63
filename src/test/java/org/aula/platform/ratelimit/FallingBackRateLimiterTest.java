package org.aula.platform.ratelimit;

import java.time.Duration;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FallingBackRateLimiterTest {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final RateLimitRule rule = new RateLimitRule("fallback", 2, Duration.ofMinutes(1));

	@Test
	void limitsLocallyWhileTheSharedStoreFails() {
		RateLimiter limiter = new FallingBackRateLimiter(new Unreachable(), new InMemoryRateLimiter(10, this.meters),
				this.meters);

		assertThat(limiter.tryConsume("ana", this.rule).allowed()).isTrue();
		assertThat(limiter.peek("ana", this.rule).remaining()).isEqualTo(1);
		assertThat(limiter.tryConsume("ana", this.rule).allowed()).isTrue();
		assertThat(limiter.tryConsume("ana", this.rule).allowed()).isFalse();
		assertThat(this.meters.get("aula.ratelimit.fallbacks").counter().count()).isEqualTo(4);
	}

	@Test
	void usesTheSharedStoreWhenItAnswers() {
		RateLimiter shared = new InMemoryRateLimiter(10, this.meters);
		RateLimiter limiter = new FallingBackRateLimiter(shared, new InMemoryRateLimiter(10, this.meters), this.meters);

		limiter.tryConsume("ben", this.rule);

		assertThat(shared.peek("ben", this.rule).remaining()).isEqualTo(1);
		assertThat(this.meters.get("aula.ratelimit.fallbacks").counter().count()).isZero();
	}

	private static final class Unreachable implements RateLimiter {

		@Override
		public RateLimitDecision tryConsume(String key, RateLimitRule rule) {
			throw new IllegalStateException("connection refused");
		}

		@Override
		public RateLimitDecision peek(String key, RateLimitRule rule) {
			throw new IllegalStateException("connection refused");
		}

	}

}
