package org.aula.platform.security;

import java.util.List;

import org.springframework.http.HttpMethod;

/**
 * Endpoints a module serves without authentication. Everything not declared public by
 * some module needs a valid token: the chain denies by default. Declare one bean per
 * module.
 *
 * @param endpoints method and Ant-style path pattern pairs
 */
public record PublicEndpoints(List<Endpoint> endpoints) {

	public PublicEndpoints {
		endpoints = List.copyOf(endpoints);
	}

	public static PublicEndpoints of(Endpoint... endpoints) {
		return new PublicEndpoints(List.of(endpoints));
	}

	public static Endpoint get(String pattern) {
		return new Endpoint(HttpMethod.GET, pattern);
	}

	public static Endpoint post(String pattern) {
		return new Endpoint(HttpMethod.POST, pattern);
	}

	/**
	 * One public endpoint.
	 *
	 * @param method the HTTP method
	 * @param pattern the path pattern, e.g. {@code /api/courses/**}
	 */
	public record Endpoint(HttpMethod method, String pattern) {
	}

}
