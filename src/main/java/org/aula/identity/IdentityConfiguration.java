package org.aula.identity;

import java.util.Map;

import org.aula.identity.tokens.AccessTokens;
import org.aula.platform.jobs.RecurringJob;
import org.aula.platform.security.PublicEndpoints;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentitySettings.class)
class IdentityConfiguration {

	/**
	 * Argon2id (OWASP's first choice) with Spring Security's current parameters. The
	 * {@code {argon2}} prefix in each stored hash lets a later release raise the cost or
	 * change the algorithm without invalidating existing passwords.
	 */
	@Bean
	PasswordEncoder passwordEncoder() {
		return new DelegatingPasswordEncoder("argon2",
				Map.of("argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8()));
	}

	@Bean
	LinkSignatures linkSignatures(AccessTokens accessTokens) {
		return new LinkSignatures(accessTokens::derivedKey);
	}

	@Bean
	PublicEndpoints identityPublicEndpoints() {
		return PublicEndpoints.of(PublicEndpoints.post("/api/auth/login"), PublicEndpoints.post("/api/auth/refresh"),
				PublicEndpoints.post("/api/auth/register"), PublicEndpoints.post("/api/auth/password/forgot"),
				PublicEndpoints.post("/api/auth/password/reset"));
	}

	@Bean
	RecurringJob identityCleanupSchedule(IdentitySettings settings) {
		return RecurringJob.selfSerialised(IdentityCleanup.TYPE, settings.cleanup().schedule());
	}

}
