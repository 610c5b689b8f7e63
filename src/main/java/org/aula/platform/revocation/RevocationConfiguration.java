package org.aula.platform.revocation;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

@Configuration(proxyBeanMethods = false)
class RevocationConfiguration {

	private static final String STORE = "aula.tokens.revocation-store";

	@Bean
	@ConditionalOnProperty(name = STORE, havingValue = "memory")
	TokenRevocations inMemoryTokenRevocations() {
		return new InMemoryTokenRevocations(Clock.systemUTC());
	}

	@Bean
	@ConditionalOnProperty(name = STORE, havingValue = "redis")
	TokenRevocations redisTokenRevocations(StringRedisTemplate redis, ObjectProvider<MeterRegistry> meterRegistry) {
		return new ResilientTokenRevocations(new RedisTokenRevocations(redis, "aula:", Clock.systemUTC()),
				Clock.systemUTC(), meterRegistry.getIfAvailable(() -> Metrics.globalRegistry));
	}

}
