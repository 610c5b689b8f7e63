package org.aula.platform.pubsub;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;

import io.lettuce.core.KillArgs;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
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
import static org.awaitility.Awaitility.await;

@RequiresRedis
class MessageBusRedisTest extends MessageBusContract {

	private static final Duration TIMEOUT = Duration.ofMillis(500);

	private final String channelPrefix = "aula-test-" + UUID.randomUUID() + ":";

	private final String clientName = "aula-test-" + UUID.randomUUID();

	private final RedisClient client = RedisClient.create(namedUri());

	private final List<RedisClient> proxiedClients = new ArrayList<>();

	private final CountDownLatch release = new CountDownLatch(1);

	@AfterEach
	void shutDownClient() {
		this.release.countDown();
		this.client.shutdown();
		this.proxiedClients.forEach(RedisClient::shutdown);
	}

	@Override
	MessageBus createBus() {
		return new RedisMessageBus(RedisConnector.of(this.client), this.channelPrefix, new SimpleMeterRegistry());
	}

	@Test
	void aMessagePublishedOnOneInstanceReachesSubscribersOnAnother() {
		try (RedisMessageBus other = new RedisMessageBus(RedisConnector.of(this.client), this.channelPrefix,
				new SimpleMeterRegistry())) {
			Queue<String> received = new ConcurrentLinkedQueue<>();
			other.subscribe(this.channel, received::add);

			this.bus.publish(this.channel, "from another instance");

			await().atMost(DELIVERY).untilAsserted(() -> assertThat(received).containsExactly("from another instance"));
		}
	}

	@Test
	void aBlockedListenerHoldsUpNeitherTheEventLoopNorOtherChannels() {
		Queue<String> received = new ConcurrentLinkedQueue<>();
		this.bus.subscribe(this.channel, (message) -> awaitRelease());
		this.bus.subscribe(this.channel + "-other", received::add);

		this.bus.publish(this.channel, "stuck");
		this.bus.publish(this.channel + "-other", "flows");

		await().atMost(DELIVERY).untilAsserted(() -> assertThat(received).containsExactly("flows"));
	}

	@Test
	void subscriptionsSurviveALostConnection() {
		Queue<String> received = new ConcurrentLinkedQueue<>();
		this.bus.subscribe(this.channel, received::add);
		this.bus.publish(this.channel, "before");
		await().atMost(DELIVERY).untilAsserted(() -> assertThat(received).containsExactly("before"));

		killConnectionsOfThisClient();

		await().atMost(DELIVERY.multipliedBy(5)).ignoreExceptions().untilAsserted(() -> {
			this.bus.publish(this.channel, "after reconnect");
			assertThat(received).contains("after reconnect");
		});
	}

	@Test
	void startsWithRedisUnreachableDropsWhatItCannotPublishAndSubscribesOnceRedisAnswers() {
		MeterRegistry meters = new SimpleMeterRegistry();
		try (TcpProxy redis = TcpProxy.toRedis(ExternalServices.REDIS_URL);
				RedisMessageBus unreachable = new RedisMessageBus(RedisConnector.of(clientOf(redis)),
						this.channelPrefix, meters)) {
			Queue<String> received = new ConcurrentLinkedQueue<>();
			unreachable.subscribe(this.channel, received::add);
			unreachable.publish(this.channel, "lost");
			assertThat(meters.get("aula.pubsub.dropped").counter().count()).isOne();

			redis.start();

			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
				this.bus.publish(this.channel, "after start");
				assertThat(received).contains("after start");
			});
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
				unreachable.publish(this.channel, "own");
				assertThat(received).contains("own");
			});
			assertThat(received).doesNotContain("lost");
		}
	}

	@Test
	void aChannelSubscribedWhileRedisIsDownReceivesOnceItIsBack() {
		try (TcpProxy redis = TcpProxy.toRedis(ExternalServices.REDIS_URL).start();
				RedisMessageBus proxied = new RedisMessageBus(RedisConnector.of(clientOf(redis)), this.channelPrefix,
						new SimpleMeterRegistry())) {
			Queue<String> before = new ConcurrentLinkedQueue<>();
			Queue<String> during = new ConcurrentLinkedQueue<>();
			proxied.subscribe(this.channel, before::add);

			redis.stop();
			proxied.subscribe(this.channel + "-during", during::add);
			redis.start();

			await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
				this.bus.publish(this.channel, "to the old channel");
				this.bus.publish(this.channel + "-during", "to the new channel");
				assertThat(before).contains("to the old channel");
				assertThat(during).contains("to the new channel");
			});
		}
	}

	@Test
	void publishesFailFastWhileRedisHangs() {
		MeterRegistry meters = new SimpleMeterRegistry();
		try (TcpProxy redis = TcpProxy.toRedis(ExternalServices.REDIS_URL).start();
				RedisMessageBus proxied = new RedisMessageBus(RedisConnector.of(clientOf(redis)), this.channelPrefix,
						meters)) {
			proxied.publish(this.channel, "connects");

			redis.stall();
			long start = System.nanoTime();
			for (int i = 0; i < 50; i++) {
				proxied.publish(this.channel, "held " + i);
			}

			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIMEOUT.multipliedBy(10));
			assertThat(meters.get("aula.pubsub.dropped").counter().count()).isEqualTo(50);
		}
	}

	private RedisClient clientOf(TcpProxy redis) {
		RedisClient proxied = RedisClient.create(redis.redisUrl());
		proxied.setOptions(LettuceClients.options(TIMEOUT, TIMEOUT));
		this.proxiedClients.add(proxied);
		return proxied;
	}

	private void awaitRelease() {
		try {
			this.release.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private RedisURI namedUri() {
		RedisURI uri = RedisURI.create(ExternalServices.REDIS_URL);
		uri.setClientName(this.clientName);
		return uri;
	}

	private void killConnectionsOfThisClient() {
		try (RedisClient admin = RedisClient.create(ExternalServices.REDIS_URL);
				StatefulRedisConnection<String, String> connection = admin.connect()) {
			List<String> ids = connection.sync()
				.clientList()
				.lines()
				.filter((line) -> line.contains(" name=" + this.clientName + " "))
				.map((line) -> line.substring("id=".length(), line.indexOf(' ')))
				.toList();
			assertThat(ids).hasSize(2);
			ids.forEach((id) -> connection.sync().clientKill(KillArgs.Builder.id(Long.parseLong(id))));
		}
	}

	@Test
	void theRedisStoreIsWiredFromConfiguration() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withUserConfiguration(PubSubConfiguration.class)
			.withPropertyValues("aula.pubsub.store=redis", "aula.redis.url=" + ExternalServices.REDIS_URL,
					"spring.data.redis.url=" + ExternalServices.REDIS_URL, "spring.data.redis.connect-timeout=250ms")
			.run((context) -> {
				MessageBus bus = context.getBean(MessageBus.class);
				assertThat(bus).isInstanceOf(RedisMessageBus.class);
				ClientOptions options = context.getBean("pubSubRedisClient", RedisConnector.class).options();
				assertThat(options.getTimeoutOptions().isTimeoutCommands()).isTrue();
				assertThat(options.getSocketOptions().getConnectTimeout()).isEqualTo(Duration.ofMillis(250));
				assertThat(options.getDisconnectedBehavior())
					.isEqualTo(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
				Queue<String> received = new ConcurrentLinkedQueue<>();
				bus.subscribe(this.channel, received::add);
				bus.publish(this.channel, "wired");
				await().atMost(DELIVERY).untilAsserted(() -> assertThat(received).containsExactly("wired"));
			});
	}

}
