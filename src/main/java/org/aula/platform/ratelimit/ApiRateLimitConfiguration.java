package org.aula.platform.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;
import org.aula.platform.web.ProblemResponses;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ApiRateLimitConfiguration {

	/**
	 * Runs right after the security chain, where the caller is known, so a user's limit
	 * holds across addresses and an anonymous client's across users.
	 */
	@Bean
	FilterRegistrationBean<ApiRateLimitFilter> apiRateLimitFilter(ApiRateLimitSettings settings, RateLimiter limiter,
			RateLimitSettings limiterSettings, ProblemResponses problems, MeterRegistry meters) {
		RateLimiter fallback = (limiter instanceof InMemoryRateLimiter) ? limiter
				: new InMemoryRateLimiter(limiterSettings.maxBuckets(), meters);
		FilterRegistrationBean<ApiRateLimitFilter> registration = new FilterRegistrationBean<>(
				new ApiRateLimitFilter(settings, limiter, fallback, problems, meters));
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
		return registration;
	}

}
