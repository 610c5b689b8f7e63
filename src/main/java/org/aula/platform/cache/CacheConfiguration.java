package org.aula.platform.cache;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.aula.platform.pubsub.MessageBus;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CacheSettings.class)
class CacheConfiguration {

	private static final String STORE = "aula.cache.store";

	@Bean
	@ConditionalOnProperty(name = STORE, havingValue = "memory")
	SharedCache caffeineSharedCache(CacheSettings settings, ObjectProvider<MeterRegistry> meterRegistry) {
		return new CaffeineSharedCache(settings, metrics(meterRegistry));
	}

	@Bean
	@ConditionalOnProperty(name = STORE, havingValue = "redis")
	SharedCache redisSharedCache(CacheSettings settings, StringRedisTemplate redis, JsonMapper jsonMapper,
			MessageBus messageBus, ObjectProvider<MeterRegistry> meterRegistry) {
		return new RedisSharedCache(settings, redis, jsonMapper, messageBus, metrics(meterRegistry), "aula:");
	}

	private static CacheMetrics metrics(ObjectProvider<MeterRegistry> meterRegistry) {
		return new CacheMetrics(meterRegistry.getIfAvailable(() -> Metrics.globalRegistry));
	}

}
