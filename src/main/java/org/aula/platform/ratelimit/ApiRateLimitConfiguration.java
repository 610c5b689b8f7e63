package org.aula.platform.ratelimit;

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
			ProblemResponses problems) {
		FilterRegistrationBean<ApiRateLimitFilter> registration = new FilterRegistrationBean<>(
				new ApiRateLimitFilter(settings, limiter, problems));
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
		return registration;
	}

}
