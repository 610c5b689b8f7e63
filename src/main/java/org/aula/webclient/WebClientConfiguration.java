package org.aula.webclient;

import java.util.ArrayList;
import java.util.List;

import org.aula.platform.security.PublicEndpoints;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WebClientConfiguration {

	@Bean
	WebAssets webAssets() {
		return WebAssets.load();
	}

	@Bean
	PublicEndpoints webClientPublicEndpoints() {
		List<PublicEndpoints.Endpoint> endpoints = new ArrayList<>();
		WebClientController.routes().forEach((route) -> endpoints.add(PublicEndpoints.get(route)));
		endpoints.add(PublicEndpoints.get("/assets/**"));
		return new PublicEndpoints(endpoints);
	}

}
