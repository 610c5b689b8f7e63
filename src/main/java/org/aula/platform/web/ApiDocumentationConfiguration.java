package org.aula.platform.web;

import java.util.List;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.servers.Server;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ApiDocumentationConfiguration {

	/**
	 * The server is given as a relative URL: left to itself the document would echo the
	 * request's Host header, which anyone can set, and "Try it out" would follow it.
	 */
	@Bean
	OpenAPI aulaOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Aula API")
				.description("Learning platform: courses, enrolments, progress, grades, certificates and chat. "
						+ "Errors are RFC 9457 problems (application/problem+json) with stable types.")
				.license(new License().name("Open source")))
			.servers(List.of(new Server().url("/").description("this Aula instance")));
	}

}
