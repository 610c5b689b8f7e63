package org.aula.platform.pubsub;

import java.time.Duration;
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
import org.aula.testsupport.ExternalServices;
import org.aula.testsupport.RequiresRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@RequiresRedis
class MessageBusRedisTest extends MessageBusContract {

	private final String channelPrefix = "aula-test-" + UUID.randomUUID() + ":";

	private final String clientName = "aula-test-" + UUID.randomUUID();

	private final RedisClient client = RedisClient.create(namedUri());

	private final CountDownLatch release = new CountDownLatch(1);

	@AfterEach
	void shutDownClient() {
		this.release.countDown();
		this.client.shutdown();
	}

	@Override
	MessageBus createBus() {
		return new RedisMessageBus(this.client, this.channelPrefix);
	}

	@Test
	void aMessagePublishedOnOneInstanceReachesSubscribersOnAnother() {
		try (RedisMessageBus other = new RedisMessageBus(this.client, this.channelPrefix)) {
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

		killConnectionsOfThisClient();

		await().atMost(DELIVERY.multipliedBy(5)).ignoreExceptions().untilAsserted(() -> {
			this.bus.publish(this.channel, "after reconnect");
			assertThat(received).contains("after reconnect");
		});
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
				ClientOptions options = context.getBean("pubSubRedisClient", RedisClient.class).getOptions();
				assertThat(options.getTimeoutOptions().isTimeoutCommands()).isTrue();
				assertThat(options.getSocketOptions().getConnectTimeout()).isEqualTo(Duration.ofMillis(250));
				Queue<String> received = new ConcurrentLinkedQueue<>();
				bus.subscribe(this.channel, received::add);
				bus.publish(this.channel, "wired");
				await().atMost(DELIVERY).untilAsserted(() -> assertThat(received).containsExactly("wired"));
			});
	}

}
