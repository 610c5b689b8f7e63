package org.aula.platform.activeusers;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.aula.testsupport.ExternalServices;
import org.aula.testsupport.RequiresRedis;
import org.aula.testsupport.TcpProxy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@RequiresRedis
class ActiveUsersRedisTest extends ActiveUsersContract {

	private static final Duration TIMEOUT = Duration.ofMillis(500);

	private final String keyPrefix = "aula-test-" + UUID.randomUUID() + ":";

	private final List<LettuceConnectionFactory> connectionFactories = new ArrayList<>();

	private final List<RedisActiveUsers> instances = new ArrayList<>();

	/** Reconnects every 100 ms, so a test sees a restored connection promptly. */
	private final ClientResources resources = ClientResources.builder()
		.reconnectDelay(Delay.constant(Duration.ofMillis(100)))
		.build();

	@AfterEach
	void closeConnections() {
		this.instances.forEach(RedisActiveUsers::close);
		this.connectionFactories.forEach(LettuceConnectionFactory::destroy);
		this.resources.shutdown();
	}

	@Override
	ActiveUsers createActiveUsers(Clock clock) {
		return instance(ExternalServices.REDIS_URL);
	}

	private RedisActiveUsers instance(String url) {
		// A flush only when counting, so the tests see exactly when users reach Redis.
		RedisActiveUsers instance = new RedisActiveUsers(redis(url), this.keyPrefix, this.clock, Duration.ofHours(1),
				new SimpleMeterRegistry());
		this.instances.add(instance);
		return instance;
	}

	@Test
	void everyInstanceCountsTheUsersOfAllInstancesOnceTheyAreSent() {
		RedisActiveUsers other = instance(ExternalServices.REDIS_URL);
		this.activeUsers.seen("ana");
		this.activeUsers.seen("ben");
		other.seen("ben");
		other.seen("carla");

		assertThat(this.activeUsers.count()).as("the other instance has not sent its users yet").isEqualTo(2);
		other.flush();
		assertThat(this.activeUsers.count()).isEqualTo(3);
		assertThat(other.count()).isEqualTo(3);
	}

	@Test
	void keepsOneExpiringKeyPerMinuteUnderOneHashTag() {
		this.activeUsers.seen("ana");
		this.clock.advance(Duration.ofMinutes(1));
		this.activeUsers.seen("ana");
		this.activeUsers.count();

		StringRedisTemplate redis = redis(ExternalServices.REDIS_URL);
		Set<String> keys = redis.keys(this.keyPrefix + "*");
		long minute = this.clock.millis() / 60_000;
		assertThat(keys).containsExactlyInAnyOrder(this.keyPrefix + "active-users:{window}:" + (minute - 1),
				this.keyPrefix + "active-users:{window}:" + minute);
		for (String key : keys) {
			assertThat(redis.getExpire(key)).isBetween(5 * 60L, 6 * 60L);
		}
	}

	@Test
	void requestsNeverWaitForRedisAndCountsFallBackToThisInstanceWhileItIsDown() throws Exception {
		try (TcpProxy network = TcpProxy.toRedis(ExternalServices.REDIS_URL).start()) {
			RedisActiveUsers behindNetwork = instance(network.redisUrl());
			behindNetwork.seen("ana");
			assertThat(behindNetwork.count()).isOne();
			network.stop();

			long start = System.nanoTime();
			for (int i = 0; i < 10_000; i++) {
				behindNetwork.seen("user-" + i);
			}
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIMEOUT);
			for (int i = 0; i < 20; i++) {
				assertThat(behindNetwork.count()).isEqualTo(10_001);
			}
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIMEOUT.multipliedBy(5));
			assertThat(behindNetwork.unsentCount()).isEqualTo(10_000);

			this.activeUsers.seen("someone-elsewhere");
			assertThat(this.activeUsers.count()).isEqualTo(2);
			network.start();

			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
				assertThat(behindNetwork.count()).isBetween(9_700L, 10_300L);
				assertThat(behindNetwork.unsentCount()).isZero();
			});
			assertThat(this.activeUsers.count()).isEqualTo(behindNetwork.count());
		}
	}

	@Test
	void usersOfMinutesThatLeftTheWindowAreNotSentLate() throws Exception {
		try (TcpProxy network = TcpProxy.toRedis(ExternalServices.REDIS_URL).start()) {
			RedisActiveUsers behindNetwork = instance(network.redisUrl());
			network.stop();
			behindNetwork.seen("ana");
			assertThat(behindNetwork.count()).isOne();
			assertThat(behindNetwork.unsentCount()).isOne();
			this.clock.advance(Duration.ofMinutes(5));
			network.start();

			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
				behindNetwork.flush();
				assertThat(behindNetwork.unsentCount()).isZero();
			});
			assertThat(behindNetwork.count()).isZero();
			assertThat(redis(ExternalServices.REDIS_URL).keys(this.keyPrefix + "*")).isEmpty();
		}
	}

	@Test
	void theRedisStoreIsWiredFromConfiguration() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withUserConfiguration(ActiveUsersConfiguration.class)
			.withPropertyValues("aula.active-users.store=redis", "aula.redis.url=" + ExternalServices.REDIS_URL,
					"spring.data.redis.url=" + ExternalServices.REDIS_URL)
			.run((context) -> {
				ActiveUsers wired = context.getBean(ActiveUsers.class);
				assertThat(wired).isInstanceOf(RedisActiveUsers.class);
				wired.seen(user());
				assertThat(wired.count()).isPositive();
			});
	}

	private StringRedisTemplate redis(String url) {
		LettuceConnectionFactory connectionFactory = new LettuceConnectionFactory(
				LettuceConnectionFactory.createRedisConfiguration(url),
				LettuceClientConfiguration.builder()
					.commandTimeout(TIMEOUT)
					.clientResources(this.resources)
					.clientOptions(ClientOptions.builder()
						.socketOptions(SocketOptions.builder().connectTimeout(TIMEOUT).build())
						.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
						.build())
					.build());
		connectionFactory.afterPropertiesSet();
		this.connectionFactories.add(connectionFactory);
		return new StringRedisTemplate(connectionFactory);
	}

}
