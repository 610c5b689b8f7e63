package org.aula.platform.pubsub;

import io.lettuce.core.RedisClient;
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
				assertThat(context).doesNotHaveBean(RedisClient.class);
			});
	}

}
