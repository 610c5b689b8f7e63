package org.aula.platform.pubsub;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.aula.platform.redis.RedisConnector;
import org.aula.testsupport.RedisSentinel;
import org.junit.jupiter.api.AfterEach;

/** The Redis message bus keeps its contract on a primary it finds through Sentinel. */
class MessageBusRedisSentinelTest extends MessageBusContract {

	private final String channelPrefix = "aula-test-" + UUID.randomUUID() + ":";

	private final List<RedisConnector> connectors = new ArrayList<>();

	@AfterEach
	void closeConnectors() {
		this.connectors.forEach(RedisConnector::close);
	}

	@Override
	MessageBus createBus() {
		RedisConnector redis = RedisSentinel.connector(Duration.ofMillis(500));
		this.connectors.add(redis);
		return new RedisMessageBus(redis, this.channelPrefix, new SimpleMeterRegistry());
	}

}
