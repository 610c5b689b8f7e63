package org.aula.platform.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.aula.platform.redis.LettuceClients;
import org.aula.platform.redis.RedisConnector;
import org.aula.testsupport.ExternalServices;
import org.aula.testsupport.RequiresRedis;
import org.aula.testsupport.TcpProxy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatRuntimeException;
import static org.awaitility.Awaitility.await;

@RequiresRedis
class RateLimiterRedisTest extends RateLimiterContract {

	private final String keyPrefix = "aula-test-" + UUID.randomUUID() + ":";

	private static final Duration TIMEOUT = Duration.ofMillis(500);

	private final RedisClient client = RedisClient.create(ExternalServices.REDIS_URL);

	private final List<RedisClient> proxiedClients = new ArrayList<>();

	@AfterEach
	void shutDownClient() {
		this.client.shutdown();
		this.proxiedClients.forEach(RedisClient::shutdown);
	}

	@Override
	RateLimiter createLimiter(MeterRegistry meterRegistry) {
		return new RedisRateLimiter(RedisConnector.of(this.client), this.keyPrefix, meterRegistry);
	}

	@Test
	void instancesOnTheSameRedisShareOneCount() {
		RateLimiter other = new RedisRateLimiter(RedisConnector.of(this.client), this.keyPrefix,
				new SimpleMeterRegistry());
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
	void startsWithRedisUnreachableAndSharesBucketsOnceItAnswers() {
		try (TcpProxy redis = TcpProxy.toRedis(ExternalServices.REDIS_URL)) {
			RateLimiter limiter = new RedisRateLimiter(RedisConnector.of(clientOf(redis)), this.keyPrefix,
					new SimpleMeterRegistry());
			RateLimitRule rule = rule(2, Duration.ofMinutes(1));
			assertThatRuntimeException().isThrownBy(() -> limiter.tryConsume("kim", rule));

			redis.start();

			await().atMost(Duration.ofSeconds(10))
				.ignoreExceptions()
				.until(() -> limiter.tryConsume("kim", rule).allowed());
			assertThat(this.limiter.tryConsume("kim", rule).allowed()).isTrue();
			assertThat(limiter.tryConsume("kim", rule).allowed()).isFalse();
		}
	}

	@Test
	void failsFastInsteadOfWaitingForTheTimeoutWhileRedisIsDown() {
		try (TcpProxy redis = TcpProxy.toRedis(ExternalServices.REDIS_URL).start()) {
			RateLimiter limiter = new RedisRateLimiter(RedisConnector.of(clientOf(redis)), this.keyPrefix,
					new SimpleMeterRegistry());
			RateLimitRule rule = rule(1000, Duration.ofMinutes(1));
			assertThat(limiter.tryConsume("liam", rule).allowed()).isTrue();

			redis.stop();

			assertFailsFast(() -> limiter.tryConsume("liam", rule));
		}
	}

	@Test
	void failsFastAfterOneTimeoutWhileRedisHangs() {
		try (TcpProxy redis = TcpProxy.toRedis(ExternalServices.REDIS_URL).start()) {
			RateLimiter limiter = new RedisRateLimiter(RedisConnector.of(clientOf(redis)), this.keyPrefix,
					new SimpleMeterRegistry());
			RateLimitRule rule = rule(1000, Duration.ofMinutes(1));
			assertThat(limiter.tryConsume("mia", rule).allowed()).isTrue();

			redis.stall();

			assertFailsFast(() -> limiter.tryConsume("mia", rule));
		}
	}

	/**
	 * Fifty checks take far less than fifty timeouts: an outage must not add a timeout to
	 * every request.
	 */
	private static void assertFailsFast(Runnable check) {
		long start = System.nanoTime();
		for (int i = 0; i < 50; i++) {
			assertThatRuntimeException().isThrownBy(check::run);
		}
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIMEOUT.multipliedBy(10));
	}

	private RedisClient clientOf(TcpProxy redis) {
		RedisClient proxied = RedisClient.create(redis.redisUrl());
		proxied.setOptions(LettuceClients.options(TIMEOUT, TIMEOUT));
		this.proxiedClients.add(proxied);
		return proxied;
	}

	@Test
	void theRedisStoreIsWiredFromConfiguration() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withUserConfiguration(RateLimitConfiguration.class)
			.withPropertyValues("aula.ratelimit.store=redis", "aula.redis.url=" + ExternalServices.REDIS_URL,
					"spring.data.redis.url=" + ExternalServices.REDIS_URL, "spring.data.redis.connect-timeout=250ms")
			.run((context) -> {
				assertThat(context).getBean(RateLimiter.class).isInstanceOf(FallingBackRateLimiter.class);
				ClientOptions options = context.getBean("rateLimitRedisClient", RedisConnector.class).options();
				assertThat(options.getTimeoutOptions().isTimeoutCommands()).isTrue();
				assertThat(options.getSocketOptions().getConnectTimeout()).isEqualTo(Duration.ofMillis(250));
				assertThat(options.getDisconnectedBehavior())
					.isEqualTo(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
				assertThat(
						context.getBean(RateLimiter.class).tryConsume("judy", rule(1, Duration.ofSeconds(1))).allowed())
					.isTrue();
			});
	}

}
