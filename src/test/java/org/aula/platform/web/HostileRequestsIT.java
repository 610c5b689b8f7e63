package org.aula.platform.web;

import java.net.http.HttpRequest;

import org.aula.testsupport.EmbeddedAulaTest;
import org.aula.testsupport.HttpApi;
import org.aula.testsupport.HttpApi.RawResponse;
import org.aula.testsupport.HttpApi.Response;
import org.aula.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.aula.platform.web.ErrorResponsesIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests no well-behaved client sends, from anyone: each must still get a problem with
 * the usual headers, never a 500, an HTML page or an empty body.
 */
@EmbeddedAulaTest
class HostileRequestsIT {

	@LocalServerPort
	int port;

	HttpApi http;

	@BeforeEach
	void connect() {
		this.http = new HttpApi(this.port);
	}

	@Test
	void garbageMultipartBodyIsNeverAServerError() {
		Response probe = this.http.send(this.http.request("/api/health")
			.header("Content-Type", "multipart/form-data; boundary=xyz")
			.method("GET", HttpRequest.BodyPublishers.ofString("garbage")));
		assertThat(probe.status()).isEqualTo(200);
		Response echo = this.http.send(this.http.request("/api/test/echo")
			.header("Content-Type", "multipart/form-data; boundary=xyz")
			.POST(HttpRequest.BodyPublishers.ofString("garbage")));
		assertProblem(echo, 415, "urn:aula:problem:unsupported-media-type");
	}

	@Test
	void malformedAcceptHeaderStillGetsProblemBodies() {
		assertProblem(this.http.get("/api/test/boom", "Accept", ";;;"), 500, "urn:aula:problem:internal-error");
		assertProblem(this.http.get("/api/test/missing", "Accept", ";;;"), 404, "urn:aula:problem:not-found");
		assertProblem(this.http.postJson("/api/test/echo", "{", "Accept", "text/html"), 400,
				"urn:aula:problem:malformed-request");
	}

	@Test
	void fractionalNumberForAnIntegerIsRejected() {
		assertProblem(this.http.postJson("/api/test/echo", "{\"name\":\"x\",\"count\":1.5}"), 400,
				"urn:aula:problem:malformed-request");
	}

	@Test
	void undecodableUrlIsAProblemFromTheContainer() {
		RawResponse response = this.http.raw("GET /api/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		assertContainerProblem(response, 400);
	}

	@Test
	void oversizedHeadersAreAProblemFromTheContainer() {
		RawResponse response = this.http.raw("GET /api/health HTTP/1.1\r\nHost: localhost\r\nX-Big: "
				+ "a".repeat(20_000) + "\r\nConnection: close\r\n\r\n");
		assertContainerProblem(response, 400);
	}

	@Test
	void traceIsNotAllowed() {
		RawResponse response = this.http
			.raw("TRACE /api/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		assertContainerProblem(response, 405);
	}

	@Test
	void unknownHealthGroupIsAProblem() {
		assertProblem(this.http.get("/actuator/health/no-such-group"), 404, "urn:aula:problem:not-found");
	}

	@Test
	void errorPageCalledDirectlyIsNotFound() {
		String token = "Bearer " + TestTokens.accessToken("ADMIN");
		assertProblem(this.http.get("/error", "Authorization", token), 404, "urn:aula:problem:not-found");
		assertProblem(this.http
			.send(this.http.request("/error").header("Authorization", token).POST(HttpRequest.BodyPublishers.noBody())),
				404, "urn:aula:problem:not-found");
	}

	@Test
	void probesAnswerHead() {
		assertThat(this.http.send(this.http.request("/api/health").method("HEAD", HttpRequest.BodyPublishers.noBody()))
			.status()).isEqualTo(200);
		assertThat(this.http.send(this.http.request("/api/ready").method("HEAD", HttpRequest.BodyPublishers.noBody()))
			.status()).isEqualTo(200);
	}

	@Test
	void apiDocumentIgnoresTheHostHeader() {
		Response response = this.http.get("/v3/api-docs", "X-Forwarded-Host", "evil.example");
		assertThat(response.json().get("servers").get(0).get("url").asString()).isEqualTo("/");
		assertThat(response.body()).doesNotContain("evil.example");
	}

	private static void assertContainerProblem(RawResponse response, int status) {
		assertThat(response.status()).as(response.text()).isEqualTo(status);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.body()).contains("\"status\":" + status).contains("urn:aula:problem:");
		assertThat(response.header("X-Request-Id")).isNotBlank();
		assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(response.body()).doesNotContain("<html").doesNotContain("Tomcat");
	}

}
