package org.aula.platform.activeusers;

import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

@Configuration(proxyBeanMethods = false)
class ActiveUsersConfiguration {

	private static final String STORE = "aula.active-users.store";

	/** How long a new user may wait on this instance before Redis counts them. */
	static final Duration FLUSH_INTERVAL = Duration.ofSeconds(5);

	@Bean
	@ConditionalOnProperty(name = STORE, havingValue = "memory")
	ActiveUsers inMemoryActiveUsers() {
		return new InMemoryActiveUsers(Clock.systemUTC());
	}

	@Bean
	@ConditionalOnProperty(name = STORE, havingValue = "redis")
	ActiveUsers redisActiveUsers(StringRedisTemplate redis, ObjectProvider<MeterRegistry> meterRegistry) {
		return new RedisActiveUsers(redis, "aula:", Clock.systemUTC(), FLUSH_INTERVAL,
				meterRegistry.getIfAvailable(() -> Metrics.globalRegistry));
	}

	/** After the security chain, where the caller is known; next to the rate limits. */
	@Bean
	FilterRegistrationBean<ActiveUsersFilter> activeUsersFilter(ActiveUsers activeUsers) {
		FilterRegistrationBean<ActiveUsersFilter> registration = new FilterRegistrationBean<>(
				new ActiveUsersFilter(activeUsers));
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 2);
		return registration;
	}

}
