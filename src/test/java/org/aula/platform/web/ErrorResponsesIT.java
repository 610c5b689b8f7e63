package org.aula.platform.web;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;

import org.aula.testsupport.EmbeddedAulaTest;
import org.aula.testsupport.HttpApi;
import org.aula.testsupport.HttpApi.Response;
import org.aula.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error status Aula produces, each caused by a real HTTP request and answered as
 * {@code application/problem+json} with the right status and stable type.
 */
@EmbeddedAulaTest
@ExtendWith(OutputCaptureExtension.class)
class ErrorResponsesIT {

	@LocalServerPort
	int port;

	HttpApi http;

	@BeforeEach
	void connect() {
		this.http = new HttpApi(this.port);
	}

	@Test
	void malformedJsonIsBadRequest() {
		Response response = this.http.postJson("/api/test/echo", "{\"name\": \"x\", ");
		assertProblem(response, 400, "urn:aula:problem:malformed-request");
	}

	@Test
	void wrongJsonTypeIsBadRequest() {
		Response response = this.http.postJson("/api/test/echo", "{\"name\": \"x\", \"count\": \"many\"}");
		assertProblem(response, 400, "urn:aula:problem:malformed-request");
	}

	@Test
	void invalidFieldsAreListed() {
		Response response = this.http.postJson("/api/test/echo", "{\"name\": \" \", \"count\": 42}");
		JsonNode problem = assertProblem(response, 400, "urn:aula:problem:validation-failed");
		assertThat(problem.get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("name", "count");
		assertThat(problem.get("errors").findValuesAsString("message")).allSatisfy((m) -> assertThat(m).isNotBlank());
	}

	@Test
	void validBodyIsAccepted() {
		Response response = this.http.postJson("/api/test/echo", "{\"name\": \"Ana\", \"count\": 3}");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("name").asString()).isEqualTo("Ana");
	}

	@Test
	void missingTokenIsUnauthorized() {
		Response response = this.http.get("/api/test/admin");
		assertProblem(response, 401, "urn:aula:problem:unauthorized");
		assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
	}

	@Test
	void garbageTokenIsUnauthorized() {
		Response response = this.http.get("/api/test/admin", "Authorization", "Bearer not.a.jwt");
		assertProblem(response, 401, "urn:aula:problem:unauthorized");
		assertThat(response.header("WWW-Authenticate")).contains("invalid_token");
	}

	@Test
	void wrongRoleIsForbidden() {
		Response response = this.http.get("/api/test/admin", "Authorization",
				"Bearer " + TestTokens.accessToken("STUDENT"));
		assertProblem(response, 403, "urn:aula:problem:forbidden");
	}

	@Test
	void rightRoleIsAllowed() {
		Response response = this.http.get("/api/test/admin", "Authorization",
				"Bearer " + TestTokens.accessToken("ADMIN"));
		assertThat(response.status()).isEqualTo(200);
	}

	@Test
	void unknownRouteIsNotFound() {
		Response response = this.http.get("/api/no-such-thing", "Authorization",
				"Bearer " + TestTokens.accessToken("ADMIN"));
		assertProblem(response, 404, "urn:aula:problem:not-found");
	}

	@Test
	void missingEntityIsNotFound() {
		Response response = this.http.get("/api/test/missing");
		JsonNode problem = assertProblem(response, 404, "urn:aula:problem:not-found");
		assertThat(problem.get("detail").asString()).isEqualTo("Course MAT-101 not found.");
	}

	@Test
	void outOfRangePagingIsValidationError() {
		JsonNode problem = assertProblem(this.http.get("/api/test/page?size=1000"), 400,
				"urn:aula:problem:validation-failed");
		assertThat(problem.get("errors").findValuesAsString("field")).containsExactly("size");
		assertProblem(this.http.get("/api/test/page?page=-1"), 400, "urn:aula:problem:validation-failed");
	}

	@Test
	void nonNumericQueryParameterIsBadRequest() {
		assertProblem(this.http.get("/api/test/page?page=abc"), 400, "urn:aula:problem:bad-request");
	}

	@Test
	void wrongMethodIsNotAllowed() {
		Response response = this.http.send(this.http.request("/api/test/echo")
			.header("Authorization", "Bearer " + TestTokens.accessToken("ADMIN"))
			.DELETE());
		assertProblem(response, 405, "urn:aula:problem:method-not-allowed");
		assertThat(response.header("Allow")).contains("POST");
	}

	@Test
	void oversizeBodyWithContentLengthIsRejected() {
		String big = "{\"name\": \"" + "x".repeat(1024 * 1024 + 10) + "\", \"count\": 1}";
		Response response = this.http.postJson("/api/test/echo", big);
		assertProblem(response, 413, "urn:aula:problem:payload-too-large");
	}

	@Test
	void oversizeChunkedBodyIsRejected() {
		byte[] big = ("{\"name\": \"" + "x".repeat(1024 * 1024 + 10) + "\", \"count\": 1}").getBytes();
		Response response = this.http.send(this.http.request("/api/test/echo")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))));
		assertProblem(response, 413, "urn:aula:problem:payload-too-large");
	}

	@Test
	void unsupportedContentTypeIsRejected() {
		Response response = this.http.send(this.http.request("/api/test/echo")
			.header("Content-Type", "text/plain")
			.POST(HttpRequest.BodyPublishers.ofString("name=x")));
		assertProblem(response, 415, "urn:aula:problem:unsupported-media-type");
	}

	@Test
	void bugIsGenericServerErrorLoggedWithRequestId(CapturedOutput output) {
		Response response = this.http.get("/api/test/boom", "X-Request-Id", "boom-req-1");
		JsonNode problem = assertProblem(response, 500, "urn:aula:problem:internal-error");
		assertThat(response.body()).doesNotContain("internal detail")
			.doesNotContain("Exception")
			.doesNotContain("at org.");
		assertThat(problem.get("requestId").asString()).isEqualTo("boom-req-1");
		assertThat(output.getOut().lines().filter((line) -> line.contains("Unhandled error"))).singleElement()
			.asString()
			.contains("internal detail that must not leak")
			.contains("\"requestId\":\"boom-req-1\"");
	}

	@Test
	void exhaustedConnectionPoolIsServiceUnavailableWithRetryAfter(CapturedOutput output) {
		Response response = this.http.get("/api/test/pool-exhausted");
		assertProblem(response, 503, "urn:aula:problem:service-unavailable");
		assertThat(response.header("Retry-After")).isEqualTo("2");
		assertThat(response.body()).doesNotContain("aula-primary");
		assertThat(output.getOut()).contains("No database connection while serving")
			.doesNotContain("Unhandled error while serving uri=/api/test/pool-exhausted");
	}

	static JsonNode assertProblem(Response response, int status, String type) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		JsonNode problem = response.json();
		assertThat(problem.get("type").asString()).isEqualTo(type);
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("title").asString()).isNotBlank();
		assertThat(problem.get("detail").asString()).isNotBlank();
		assertThat(problem.get("instance").asString()).startsWith("/");
		assertThat(problem.get("requestId").asString()).isEqualTo(response.header("X-Request-Id"));
		return problem;
	}

}
