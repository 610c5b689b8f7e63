package org.aula.platform.ratelimit;

import java.time.Duration;
import java.util.UUID;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.MeterRegistry;
import org.aula.platform.redis.RedisConnector;
import org.aula.testsupport.RedisSentinel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The Redis rate limiter keeps its contract on a primary it finds through Sentinel. */
class RateLimiterRedisSentinelTest extends RateLimiterContract {

	private final String keyPrefix = "aula-test-" + UUID.randomUUID() + ":";

	private final RedisConnector redis = RedisSentinel.connector(Duration.ofMillis(500));

	@AfterEach
	void closeConnector() {
		this.redis.close();
	}

	@Override
	RateLimiter createLimiter(MeterRegistry meterRegistry) {
		return new RedisRateLimiter(this.redis, this.keyPrefix, meterRegistry);
	}

	@Test
	void theBucketsAreStoredOnThePrimaryThatSentinelNames() {
		RateLimitRule rule = rule(5, Duration.ofMinutes(1));
		this.limiter.tryConsume("quinn", rule);

		RedisClient primary = RedisClient.create("redis://127.0.0.1:" + RedisSentinel.primaryPort());
		try (StatefulRedisConnection<String, String> connection = primary.connect()) {
			assertThat(connection.sync().exists(this.keyPrefix + "rl:{" + rule.name() + "}:quinn")).isOne();
		}
		finally {
			primary.shutdown();
		}
	}

}
