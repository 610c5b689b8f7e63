package org.aula.platform.web;

import org.aula.testsupport.EmbeddedAulaTest;
import org.aula.testsupport.HttpApi;
import org.aula.testsupport.HttpApi.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@EmbeddedAulaTest
@ExtendWith(OutputCaptureExtension.class)
class RequestIdIT {

	@LocalServerPort
	int port;

	HttpApi http;

	@BeforeEach
	void connect() {
		this.http = new HttpApi(this.port);
	}

	@Test
	void echoesSaneIncomingRequestIdAndLogsIt(CapturedOutput output) {
		Response response = this.http.get("/api/health", "X-Request-Id", "client-req.42");
		assertThat(response.header("X-Request-Id")).isEqualTo("client-req.42");
		await().untilAsserted(() -> assertThat(
				output.getOut().lines().filter((line) -> line.contains("\"requestId\":\"client-req.42\"")))
			.anySatisfy((line) -> assertThat(line).contains("org.aula.access").contains("/api/health")));
	}

	@Test
	void generatesRequestIdWhenNoneIsSent() {
		Response first = this.http.get("/api/health");
		Response second = this.http.get("/api/health");
		assertThat(first.header("X-Request-Id")).matches("[0-9a-f-]{36}");
		assertThat(second.header("X-Request-Id")).isNotEqualTo(first.header("X-Request-Id"));
	}

	@Test
	void replacesRequestIdThatCouldInjectIntoLogs() {
		Response tooLong = this.http.get("/api/health", "X-Request-Id", "a".repeat(200));
		Response withQuote = this.http.get("/api/health", "X-Request-Id", "abc\"}{\"level\":\"ERROR");
		assertThat(tooLong.header("X-Request-Id")).matches("[0-9a-f-]{36}");
		assertThat(withQuote.header("X-Request-Id")).matches("[0-9a-f-]{36}");
	}

	@Test
	void errorResponsesCarryTheRequestIdToo() {
		Response response = this.http.get("/api/anything", "X-Request-Id", "denied-1");
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.header("X-Request-Id")).isEqualTo("denied-1");
		assertThat(response.json().get("requestId").asString()).isEqualTo("denied-1");
	}

}
