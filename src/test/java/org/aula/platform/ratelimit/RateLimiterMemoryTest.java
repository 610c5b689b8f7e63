package org.aula.platform.ratelimit;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

class RateLimiterMemoryTest extends RateLimiterContract {

	@Override
	RateLimiter createLimiter(MeterRegistry meterRegistry) {
		return new InMemoryRateLimiter(100_000, meterRegistry);
	}

	@Test
	void forgetsBucketsThatHaveBeenIdleForAPeriod() {
		InMemoryRateLimiter limiter = new InMemoryRateLimiter(100, new SimpleMeterRegistry());
		RateLimitRule rule = rule(5, Duration.ofMillis(200));
		limiter.tryConsume("idle", rule);

		assertThat(limiter.size()).isOne();
		await().atMost(Duration.ofSeconds(2)).until(() -> limiter.size() == 0);
	}

	@Test
	void keepsAtMostTheConfiguredNumberOfBuckets() {
		InMemoryRateLimiter limiter = new InMemoryRateLimiter(10, new SimpleMeterRegistry());
		RateLimitRule rule = rule(5, Duration.ofMinutes(1));
		for (int i = 0; i < 100; i++) {
			limiter.tryConsume("client-" + i, rule);
		}

		assertThat(limiter.size()).isLessThanOrEqualTo(10);
	}

	@Test
	void rejectsRulesThatCannotLimitAnything() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RateLimitRule(" ", 1, Duration.ofSeconds(1)));
		assertThatIllegalArgumentException().isThrownBy(() -> new RateLimitRule("login", 0, Duration.ofSeconds(1)));
		assertThatIllegalArgumentException().isThrownBy(() -> new RateLimitRule("login", 1, Duration.ZERO));
	}

}
