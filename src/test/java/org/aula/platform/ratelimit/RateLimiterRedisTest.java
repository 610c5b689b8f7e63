package org.aula.platform.ratelimit;

import java.time.Duration;
import java.util.UUID;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.aula.testsupport.ExternalServices;
import org.aula.testsupport.RequiresRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

@RequiresRedis
class RateLimiterRedisTest extends RateLimiterContract {

	private final String keyPrefix = "aula-test-" + UUID.randomUUID() + ":";

	private final RedisClient client = RedisClient.create(ExternalServices.REDIS_URL);

	@AfterEach
	void shutDownClient() {
		this.client.shutdown();
	}

	@Override
	RateLimiter createLimiter(MeterRegistry meterRegistry) {
		return new RedisRateLimiter(this.client, this.keyPrefix, meterRegistry);
	}

	@Test
	void instancesOnTheSameRedisShareOneCount() {
		RateLimiter other = new RedisRateLimiter(this.client, this.keyPrefix, new SimpleMeterRegistry());
		RateLimitRule rule = rule(3, Duration.ofMinutes(1));

		this.limiter.tryConsume("heidi", rule);
		this.limiter.tryConsume("heidi", rule);
		RateLimitDecision third = other.tryConsume("heidi", rule);
		RateLimitDecision fourth = this.limiter.tryConsume("heidi", rule);

		assertThat(third.allowed()).isTrue();
		assertThat(third.remaining()).isZero();
		assertThat(fourth.allowed()).isFalse();
	}

	@Test
	void storesEachBucketUnderItsRuleHashTagAndLetsItExpire() {
		RateLimitRule rule = rule(3, Duration.ofMinutes(1));
		this.limiter.tryConsume("ivan", rule);

		try (StatefulRedisConnection<String, String> connection = this.client.connect()) {
			String key = this.keyPrefix + "rl:{" + rule.name() + "}:ivan";
			assertThat(connection.sync().exists(key)).isOne();
			assertThat(connection.sync().pttl(key)).isPositive();
		}
	}

	@Test
	void theRedisStoreIsWiredFromConfiguration() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withUserConfiguration(RateLimitConfiguration.class)
			.withPropertyValues("aula.ratelimit.store=redis", "aula.redis.url=" + ExternalServices.REDIS_URL,
					"spring.data.redis.url=" + ExternalServices.REDIS_URL, "spring.data.redis.connect-timeout=250ms")
			.run((context) -> {
				assertThat(context).getBean(RateLimiter.class).isInstanceOf(RedisRateLimiter.class);
				ClientOptions options = context.getBean("rateLimitRedisClient", RedisClient.class).getOptions();
				assertThat(options.getTimeoutOptions().isTimeoutCommands()).isTrue();
				assertThat(options.getSocketOptions().getConnectTimeout()).isEqualTo(Duration.ofMillis(250));
				assertThat(
						context.getBean(RateLimiter.class).tryConsume("judy", rule(1, Duration.ofSeconds(1))).allowed())
					.isTrue();
			});
	}

}
