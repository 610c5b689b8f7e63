package org.aula.platform.pubsub;

import io.lettuce.core.resource.ClientResources;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.aula.platform.redis.LettuceClients;
import org.aula.platform.redis.RedisConnector;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.data.redis.autoconfigure.DataRedisProperties;
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
	 * and resubscribes after reconnecting. The client shares Boot's Netty resources and
	 * is injected only by name, so it never gets in the way of another Redis client.
	 */
	@Bean(destroyMethod = "close", defaultCandidate = false)
	@ConditionalOnProperty(name = STORE, havingValue = "redis")
	RedisConnector pubSubRedisClient(@Value("${aula.redis.url:}") String url, DataRedisConnectionDetails details,
			DataRedisProperties redis, ClientResources clientResources) {
		return LettuceClients.create(url, details, redis, clientResources);
	}

	@Bean
	@ConditionalOnProperty(name = STORE, havingValue = "redis")
	MessageBus redisMessageBus(@Qualifier("pubSubRedisClient") RedisConnector client,
			ObjectProvider<MeterRegistry> meterRegistry) {
		return new RedisMessageBus(client, "aula:", meterRegistry.getIfAvailable(() -> Metrics.globalRegistry));
	}

}
