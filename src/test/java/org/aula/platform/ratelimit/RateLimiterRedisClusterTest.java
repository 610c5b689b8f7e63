package org.aula.platform.ratelimit;

import java.time.Duration;
import java.util.UUID;

import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.aula.platform.redis.RedisConnector;
import org.aula.testsupport.RedisCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The Redis rate limiter keeps its contract on a Redis Cluster of three primaries. */
class RateLimiterRedisClusterTest extends RateLimiterContract {

	private final String keyPrefix = "aula-test-" + UUID.randomUUID() + ":";

	private final RedisConnector redis = RedisCluster.connector(Duration.ofMillis(500));

	@AfterEach
	void closeConnector() {
		this.redis.close();
	}

	@Override
	RateLimiter createLimiter(MeterRegistry meterRegistry) {
		return new RedisRateLimiter(this.redis, this.keyPrefix, meterRegistry);
	}

	@Test
	void instancesOnTheSameClusterShareOneCount() {
		RateLimiter other = createLimiter(new SimpleMeterRegistry());
		RateLimitRule rule = rule(2, Duration.ofMinutes(1));

		assertThat(this.limiter.tryConsume("nora", rule).allowed()).isTrue();
		assertThat(other.tryConsume("nora", rule).allowed()).isTrue();

		assertThat(this.limiter.tryConsume("nora", rule).allowed()).isFalse();
		assertThat(other.tryConsume("nora", rule).allowed()).isFalse();
	}

	@Test
	void theBucketsOfOneRuleLiveInOneSlot() {
		RateLimitRule rule = rule(5, Duration.ofMinutes(1));
		this.limiter.tryConsume("olga", rule);
		this.limiter.tryConsume("pete", rule);

		String olga = this.keyPrefix + "rl:{" + rule.name() + "}:olga";
		String pete = this.keyPrefix + "rl:{" + rule.name() + "}:pete";
		RedisClusterClient client = RedisCluster.client();
		try (StatefulRedisClusterConnection<String, String> connection = client.connect()) {
			assertThat(connection.sync().exists(olga, pete)).isEqualTo(2);
			assertThat(SlotHash.getSlot(olga)).isEqualTo(SlotHash.getSlot(pete));
		}
		finally {
			client.shutdown();
		}
	}

}
