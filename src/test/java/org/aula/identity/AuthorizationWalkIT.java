package org.aula.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.aula.platform.security.PublicEndpoints;
import org.aula.testsupport.EmbeddedAulaTest;
import org.aula.testsupport.HttpApi;
import org.aula.testsupport.HttpApi.Response;
import org.aula.testsupport.RunningAula;
import org.aula.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPatternParser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every endpoint the application maps and checks deny-by-default: an anonymous call
 * to anything not declared public is 401, and a caller without the role an endpoint
 * demands is 403, whatever the request body.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationWalkIT {

	RunningAula aula;

	List<Endpoint> endpoints;

	List<PublicEndpoints.Endpoint> open;

	@BeforeAll
	void start() {
		this.aula = RunningAula.start(Map.of("spring.datasource.url",
				EmbeddedAulaTest.H2_URL.replace("${random.uuid}", UUID.randomUUID().toString()), "aula.demo.enabled",
				"false"));
		this.open = this.aula.context()
			.getBeansOfType(PublicEndpoints.class)
			.values()
			.stream()
			.flatMap((declared) -> declared.endpoints().stream())
			.toList();
		this.endpoints = mappedEndpoints(
				this.aula.context().getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class));
	}

	@AfterAll
	void stop() {
		this.aula.close();
	}

	@Test
	void findsTheIdentityEndpoints() {
		assertThat(this.endpoints).extracting(Endpoint::path)
			.contains("/api/me", "/api/admin/users", "/api/admin/invitations", "/api/auth/logout");
	}

	@Test
	void anonymousCallsToProtectedEndpointsAreUnauthorized() {
		HttpApi http = this.aula.http();
		List<String> leaks = new ArrayList<>();
		for (Endpoint endpoint : this.endpoints) {
			if (isPublic(endpoint)) {
				continue;
			}
			Response response = call(http, endpoint, null);
			if (response.status() != 401) {
				leaks.add(endpoint + " -> " + response.status());
			}
		}
		assertThat(leaks).isEmpty();
	}

	@Test
	void callsWithoutTheRequiredRoleAreForbidden() {
		HttpApi http = this.aula.http();
		List<String> leaks = new ArrayList<>();
		int checked = 0;
		for (Endpoint endpoint : this.endpoints) {
			if (endpoint.requiredRole() == null) {
				continue;
			}
			for (String role : Set.of("ADMIN", "TEACHER", "STUDENT")) {
				if (role.equals(endpoint.requiredRole())) {
					continue;
				}
				checked++;
				Response response = call(http, endpoint, TestTokens.accessToken(role));
				if (response.status() != 403) {
					leaks.add(endpoint + " as " + role + " -> " + response.status());
				}
			}
		}
		assertThat(checked).isPositive();
		assertThat(leaks).isEmpty();
	}

	private boolean isPublic(Endpoint endpoint) {
		PathContainer path = PathContainer.parsePath(endpoint.path());
		return this.open.stream()
			.anyMatch((candidate) -> candidate.method().equals(endpoint.method())
					&& PathPatternParser.defaultInstance.parse(candidate.pattern()).matches(path));
	}

	private static Response call(HttpApi http, Endpoint endpoint, String token) {
		var request = http.request(endpoint.path())
			.header("Content-Type", "application/json")
			.method(endpoint.method().name(), java.net.http.HttpRequest.BodyPublishers.ofString("{}"));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return http.send(request);
	}

	private static List<Endpoint> mappedEndpoints(RequestMappingHandlerMapping mapping) {
		List<Endpoint> endpoints = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
			RequestMappingInfo info = entry.getKey();
			String role = requiredRole(entry.getValue());
			Set<org.springframework.web.bind.annotation.RequestMethod> methods = info.getMethodsCondition()
				.getMethods();
			for (String pattern : info.getPatternValues()) {
				if (pattern.equals("/error") || pattern.contains("swagger") || pattern.contains("api-docs")) {
					continue;
				}
				String path = pattern.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
				if (methods.isEmpty()) {
					endpoints.add(new Endpoint(HttpMethod.GET, path, role));
				}
				methods.forEach((method) -> endpoints.add(new Endpoint(HttpMethod.valueOf(method.name()), path, role)));
			}
		}
		return endpoints;
	}

	private static String requiredRole(HandlerMethod handler) {
		PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
		if (rule == null) {
			rule = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
		}
		if (rule == null) {
			return null;
		}
		var matcher = java.util.regex.Pattern.compile("hasRole\\('([A-Z]+)'\\)").matcher(rule.value());
		return matcher.find() ? matcher.group(1) : null;
	}

	record Endpoint(HttpMethod method, String path, String requiredRole) {

		@Override
		public String toString() {
			return this.method + " " + this.path;
		}

	}

}
