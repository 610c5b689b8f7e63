package org.aula.catalog;

import org.aula.platform.security.PublicEndpoints;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ CatalogSettings.class, MediaSettings.class })
class CatalogConfiguration {

	/**
	 * The catalog and course details; what they reveal depends on who asks. Media
	 * downloads answer a signed link without a token, and 401 without either.
	 */
	@Bean
	PublicEndpoints catalogPublicEndpoints() {
		return PublicEndpoints.of(PublicEndpoints.get("/api/courses"), PublicEndpoints.get("/api/courses/*"),
				PublicEndpoints.get("/api/media/*"));
	}

}
