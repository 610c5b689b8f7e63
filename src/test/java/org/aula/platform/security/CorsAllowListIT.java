package org.aula.platform.security;

import java.net.http.HttpRequest;

import org.aula.testsupport.EmbeddedAulaTest;
import org.aula.testsupport.HttpApi;
import org.aula.testsupport.HttpApi.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@EmbeddedAulaTest
@TestPropertySource(properties = "aula.cors.allowed-origins=https://campus.example.org,https://app.example.org")
class CorsAllowListIT {

	@LocalServerPort
	int port;

	HttpApi http;

	@BeforeEach
	void connect() {
		this.http = new HttpApi(this.port);
	}

	@Test
	void allowsConfiguredOriginPreflight() {
		Response response = preflight("https://campus.example.org");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("https://campus.example.org");
		assertThat(response.header("Access-Control-Allow-Methods")).contains("POST");
	}

	@Test
	void refusesOtherOriginWithProblem() {
		Response response = preflight("https://evil.example");
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.header("Access-Control-Allow-Origin")).isNull();
		assertThat(response.json().get("requestId").asString()).isEqualTo(response.header("X-Request-Id"));
		assertThat(response.json().get("instance").asString()).isEqualTo("/api/test/echo");
	}

	@Test
	void exposesRequestIdToAllowedOrigin() {
		Response response = this.http.get("/api/health", "Origin", "https://app.example.org");
		assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example.org");
		assertThat(response.header("Access-Control-Expose-Headers")).contains("X-Request-Id");
	}

	private Response preflight(String origin) {
		return this.http.send(this.http.request("/api/test/echo")
			.header("Origin", origin)
			.header("Access-Control-Request-Method", "POST")
			.header("Access-Control-Request-Headers", "content-type")
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
	}

}
