package org.aula.platform.pubsub;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.aula.platform.redis.RedisConnector;
import org.aula.testsupport.RedisCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The Redis message bus keeps its contract on a Redis Cluster of three primaries. */
class MessageBusRedisClusterTest extends MessageBusContract {

	private final String channelPrefix = "aula-test-" + UUID.randomUUID() + ":";

	private final List<RedisConnector> connectors = new ArrayList<>();

	@AfterEach
	void closeConnectors() {
		this.connectors.forEach(RedisConnector::close);
	}

	@Override
	MessageBus createBus() {
		RedisConnector redis = RedisCluster.connector(Duration.ofMillis(500));
		this.connectors.add(redis);
		return new RedisMessageBus(redis, this.channelPrefix, new SimpleMeterRegistry());
	}

	@Test
	void aMessagePublishedThroughOneConnectorReachesSubscribersOfEveryOther() {
		List<Queue<String>> inboxes = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			Queue<String> inbox = new ConcurrentLinkedQueue<>();
			createBus().subscribe(this.channel, inbox::add);
			inboxes.add(inbox);
		}

		this.bus.publish(this.channel, "to all nodes");

		await().atMost(DELIVERY)
			.untilAsserted(
					() -> assertThat(inboxes).allSatisfy((inbox) -> assertThat(inbox).containsExactly("to all nodes")));
	}

}
