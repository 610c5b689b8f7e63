package org.aula.platform.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Browser origins allowed to call the API from another site. Empty by default: no
 * cross-origin call is allowed until an operator lists the origins of its web clients.
 *
 * @param allowedOrigins exact origins such as {@code https://campus.example.org}
 * @param maxAge how long browsers may cache a preflight answer
 */
@ConfigurationProperties("aula.cors")
record CorsSettings(@DefaultValue List<String> allowedOrigins, @DefaultValue("1h") Duration maxAge) {

	CorsSettings {
		allowedOrigins = allowedOrigins.stream().map(String::trim).filter((origin) -> !origin.isEmpty()).toList();
		for (String origin : allowedOrigins) {
			if ("*".equals(origin) || !origin.matches("https?://[^/\\s]+")) {
				throw new IllegalArgumentException(
						"aula.cors.allowed-origins takes exact origins like https://campus.example.org, not '%s'"
							.formatted(origin));
			}
		}
	}

}
