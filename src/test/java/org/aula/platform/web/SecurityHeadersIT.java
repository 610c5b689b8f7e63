package org.aula.platform.web;

import org.aula.testsupport.EmbeddedAulaTest;
import org.aula.testsupport.HttpApi;
import org.aula.testsupport.HttpApi.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@EmbeddedAulaTest
class SecurityHeadersIT {

	@LocalServerPort
	int port;

	HttpApi http;

	@BeforeEach
	void connect() {
		this.http = new HttpApi(this.port);
	}

	@Test
	void everyResponseCarriesSecurityHeaders() {
		for (Response response : new Response[] { this.http.get("/api/health"), this.http.get("/api/secret"),
				this.http.postJson("/api/test/echo", "{") }) {
			assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
			assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
			assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
			assertThat(response.header("Content-Security-Policy")).contains("default-src 'none'")
				.contains("frame-ancestors 'none'");
		}
	}

	@Test
	void noStrictTransportSecurityOverPlainHttp() {
		assertThat(this.http.get("/api/health").header("Strict-Transport-Security")).isNull();
	}

	@Test
	void strictTransportSecurityWhenTrustedProxySaysHttps() {
		Response response = this.http.get("/api/health", "X-Forwarded-Proto", "https");
		assertThat(response.header("Strict-Transport-Security")).startsWith("max-age=31536000");
	}

	@Test
	void noCrossOriginAccessUnlessConfigured() {
		Response preflight = this.http.send(this.http.request("/api/health")
			.header("Origin", "https://evil.example")
			.header("Access-Control-Request-Method", "GET")
			.method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody()));
		assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
		Response simple = this.http.get("/api/health", "Origin", "https://evil.example");
		assertThat(simple.header("Access-Control-Allow-Origin")).isNull();
	}

}
