package org.aula.platform.pubsub;

import org.aula.platform.redis.RedisConnector;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class PubSubConfigurationTest {

	@Test
	void theMemoryStoreDeliversWithinThisInstanceWithoutTouchingRedis() {
		new ApplicationContextRunner().withUserConfiguration(PubSubConfiguration.class)
			.withPropertyValues("aula.pubsub.store=memory")
			.run((context) -> {
				assertThat(context).getBean(MessageBus.class).isInstanceOf(InMemoryMessageBus.class);
				assertThat(context).doesNotHaveBean(RedisConnector.class);
			});
	}

}
