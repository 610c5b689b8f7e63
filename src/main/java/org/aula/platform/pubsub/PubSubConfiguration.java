package org.aula.platform.pubsub;

import java.time.Duration;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.resource.ClientResources;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PubSubConfiguration {

	private static final String STORE = "aula.pubsub.store";

	@Bean
	@ConditionalOnProperty(name = STORE, havingValue = "memory")
	MessageBus inMemoryMessageBus() {
		return new InMemoryMessageBus();
	}

	/**
	 * Pub/sub needs Lettuce's own pub/sub connection, which keeps the order per channel
	 * and resubscribes after reconnecting; the client shares Boot's Netty resources and
	 * is not offered to other beans, which use Boot's connection factory.
	 */
	@Bean(destroyMethod = "shutdown", defaultCandidate = false)
	@ConditionalOnProperty(name = STORE, havingValue = "redis")
	RedisClient pubSubRedisClient(@Value("${aula.redis.url}") String url,
			@Value("${spring.data.redis.timeout:500ms}") Duration timeout, ClientResources clientResources) {
		RedisClient client = RedisClient.create(clientResources, RedisURI.create(url));
		client.setOptions(ClientOptions.builder()
			.socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
			.timeoutOptions(TimeoutOptions.enabled(timeout))
			.build());
		return client;
	}

	@Bean
	@ConditionalOnProperty(name = STORE, havingValue = "redis")
	MessageBus redisMessageBus(@Qualifier("pubSubRedisClient") RedisClient client) {
		return new RedisMessageBus(client, "aula:");
	}

}
