package org.aula.platform.ratelimit;

import java.time.Duration;

import org.aula.platform.redis.RedisConnector;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitConfigurationTest {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withUserConfiguration(RateLimitConfiguration.class);

	@Test
	void theMemoryStoreKeepsBucketsInThisInstanceWithoutTouchingRedis() {
		this.contextRunner.withPropertyValues("aula.ratelimit.store=memory", "aula.ratelimit.max-buckets=2")
			.run((context) -> {
				assertThat(context).getBean(RateLimiter.class).isInstanceOf(InMemoryRateLimiter.class);
				assertThat(context).doesNotHaveBean(RedisConnector.class);
				assertThat(context.getBean(RateLimitSettings.class).maxBuckets()).isEqualTo(2);
				assertThat(context.getBean(RateLimiter.class)
					.tryConsume("alice", new RateLimitRule("login", 1, Duration.ofMinutes(1)))
					.allowed()).isTrue();
			});
	}

	@Test
	void bucketsAreBoundedByDefault() {
		this.contextRunner.withPropertyValues("aula.ratelimit.store=memory")
			.run((context) -> assertThat(context.getBean(RateLimitSettings.class).maxBuckets()).isEqualTo(100_000));
	}

}
