package org.aula.platform.security;

import java.util.List;

import jakarta.servlet.DispatcherType;
import org.aula.platform.web.ProblemResponses;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * One stateless chain for the whole API. Sessions never live in an instance's memory, so
 * any instance can verify any request; a path is public only if a module declares it in a
 * {@link PublicEndpoints} bean, everything else needs a bearer token (deny by default).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfiguration {

	/**
	 * Platform endpoints that must answer anyone: probes, metrics scrape and API docs.
	 */
	@Bean
	PublicEndpoints platformPublicEndpoints() {
		return PublicEndpoints.of(PublicEndpoints.get("/api/health"), PublicEndpoints.get("/api/ready"),
				PublicEndpoints.get("/actuator/health"), PublicEndpoints.get("/actuator/health/**"),
				PublicEndpoints.get("/actuator/info"), PublicEndpoints.get("/actuator/prometheus"),
				PublicEndpoints.get("/v3/api-docs"), PublicEndpoints.get("/v3/api-docs/**"),
				PublicEndpoints.get("/swagger-ui.html"), PublicEndpoints.get("/swagger-ui/**"));
	}

	@Bean
	SecurityFilterChain apiSecurity(HttpSecurity http, ObjectProvider<PublicEndpoints> modulesPublicEndpoints,
			ObjectProvider<JwtDecoder> jwtDecoder, ProblemResponses problems, CorsFilter corsFilter) {
		ProblemSecurityHandlers refusals = new ProblemSecurityHandlers(problems);
		List<PublicEndpoints.Endpoint> open = new java.util.ArrayList<>();
		modulesPublicEndpoints.orderedStream().forEach((declared) -> open.addAll(declared.endpoints()));

		http.csrf(AbstractHttpConfigurer::disable)
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.httpBasic(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.anonymous(Customizer.withDefaults())
			.addFilter(corsFilter)
			.headers((headers) -> headers.defaultsDisabled().cacheControl(Customizer.withDefaults()))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(refusals).accessDeniedHandler(refusals))
			.authorizeHttpRequests((requests) -> {
				requests.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll();
				requests.requestMatchers(HttpMethod.OPTIONS, "/**").permitAll();
				for (PublicEndpoints.Endpoint endpoint : open) {
					requests.requestMatchers(endpoint.method(), endpoint.pattern()).permitAll();
					if (endpoint.method() == HttpMethod.GET) {
						// Load balancers often probe with HEAD: whatever GET may see,
						// HEAD may too.
						requests.requestMatchers(HttpMethod.HEAD, endpoint.pattern()).permitAll();
					}
				}
				// The admin area is refused at the door, before any request body is even
				// read, so
				// that a caller without the role learns nothing from validation errors.
				requests.requestMatchers("/api/admin/**").hasRole("ADMIN");
				requests.anyRequest().authenticated();
			});
		JwtDecoder decoder = jwtDecoder.getIfAvailable();
		if (decoder != null) {
			http.oauth2ResourceServer((resourceServer) -> resourceServer.authenticationEntryPoint(refusals)
				.accessDeniedHandler(refusals)
				.jwt((jwt) -> jwt.decoder(decoder).jwtAuthenticationConverter(roleClaimConverter())));
		}
		return http.build();
	}

	/** Aula's access tokens carry one role in the {@code role} claim. */
	static JwtAuthenticationConverter roleClaimConverter() {
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter((jwt) -> {
			String role = jwt.getClaimAsString("role");
			return (role == null || role.isBlank()) ? List.of() : List.of(new SimpleGrantedAuthority("ROLE_" + role));
		});
		return converter;
	}

	@Bean
	CorsFilter corsFilter(CorsSettings settings, ProblemResponses problems) {
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		if (!settings.allowedOrigins().isEmpty()) {
			CorsConfiguration configuration = new CorsConfiguration();
			configuration.setAllowedOrigins(settings.allowedOrigins());
			configuration.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
			configuration.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key", "X-Request-Id",
					"Range", "If-None-Match"));
			configuration.setExposedHeaders(List.of("X-Request-Id", "Location", "ETag", "Retry-After",
					"RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "Content-Range"));
			configuration.setAllowCredentials(true);
			configuration.setMaxAge(settings.maxAge());
			source.registerCorsConfiguration("/**", configuration);
		}
		CorsFilter filter = new CorsFilter(source);
		filter.setCorsProcessor(new ProblemCorsProcessor(problems));
		return filter;
	}

	/**
	 * The CORS filter runs inside the security chain only, not a second time as a servlet
	 * filter.
	 */
	@Bean
	FilterRegistrationBean<CorsFilter> corsFilterRegistration(CorsFilter corsFilter) {
		FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(corsFilter);
		registration.setEnabled(false);
		return registration;
	}

}
