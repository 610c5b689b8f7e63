package org.aula.platform.web;

import org.aula.testsupport.EmbeddedAulaTest;
import org.aula.testsupport.HttpApi;
import org.aula.testsupport.HttpApi.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@EmbeddedAulaTest
class ApiDocumentationIT {

	@LocalServerPort
	int port;

	HttpApi http;

	@BeforeEach
	void connect() {
		this.http = new HttpApi(this.port);
	}

	@Test
	void servesOpenApiDocumentWithoutToken() {
		Response response = this.http.get("/v3/api-docs");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("openapi").asString()).startsWith("3.");
		assertThat(response.json().get("paths").has("/api/health")).isTrue();
		assertThat(response.json().get("paths").has("/api/ready")).isTrue();
	}

	@Test
	void servesSwaggerUiUnderItsOwnContentSecurityPolicy() {
		Response redirect = this.http.get("/swagger-ui.html");
		assertThat(redirect.status()).isEqualTo(302);
		Response page = this.http.get("/swagger-ui/index.html");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("swagger-ui");
		assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'");
	}

	@Test
	void servesRequestsOnVirtualThreads() {
		assertThat(this.http.get("/api/test/thread").json().get("virtual").asBoolean()).isTrue();
	}

}
