package org.aula.platform.ratelimit;

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
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitSettings.class)
class RateLimitConfiguration {

	private static final String STORE = "aula.ratelimit.store";

	@Bean
	@ConditionalOnProperty(name = STORE, havingValue = "memory")
	RateLimiter inMemoryRateLimiter(RateLimitSettings settings, ObjectProvider<MeterRegistry> meterRegistry) {
		return new InMemoryRateLimiter(settings.maxBuckets(),
				meterRegistry.getIfAvailable(() -> Metrics.globalRegistry));
	}

	/**
	 * Bucket4j needs a raw Lettuce connection. The client shares Boot's Netty resources
	 * and is injected only by name, so it never gets in the way of another Redis client.
	 */
	@Bean(destroyMethod = "close", defaultCandidate = false)
	@ConditionalOnProperty(name = STORE, havingValue = "redis")
	RedisConnector rateLimitRedisClient(@Value("${aula.redis.url:}") String url, DataRedisConnectionDetails details,
			DataRedisProperties redis, ClientResources clientResources) {
		return LettuceClients.create(url, details, redis, clientResources);
	}

	@Bean
	@ConditionalOnProperty(name = STORE, havingValue = "redis")
	RateLimiter redisRateLimiter(@Qualifier("rateLimitRedisClient") RedisConnector client, RateLimitSettings settings,
			ObjectProvider<MeterRegistry> meterRegistry) {
		MeterRegistry meters = meterRegistry.getIfAvailable(() -> Metrics.globalRegistry);
		return new FallingBackRateLimiter(new RedisRateLimiter(client, "aula:", meters),
				new InMemoryRateLimiter(settings.maxBuckets(), meters), meters);
	}

}
