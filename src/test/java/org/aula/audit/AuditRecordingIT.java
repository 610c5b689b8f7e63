package org.aula.audit;

import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.aula.testsupport.EmbeddedAulaTest;
import org.aula.testsupport.HttpApi;
import org.aula.testsupport.HttpApi.Response;
import org.aula.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Entries recorded while Aula serves a real HTTP request carry who made it, from where,
 * with which client and under which request id; the actor comes from the access token
 * unless the caller names one.
 */
@EmbeddedAulaTest
@Import(AuditProbe.class)
class AuditRecordingIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JwtDecoder tokens;

	@Autowired
	AuditLog auditLog;

	HttpApi http;

	@BeforeEach
	void connect() {
		this.http = new HttpApi(this.port);
	}

	@AfterEach
	void forgetAuthentication() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void recordsActorAddressUserAgentAndRequestIdOfTheRequest() {
		String token = TestTokens.accessToken("TEACHER");
		UUID subject = UUID.fromString(this.tokens.decode(token).getSubject());
		Instant before = Instant.now();

		Response response = this.http.send(this.http.request("/api/test/audit?entityId=course-7")
			.header("Authorization", "Bearer " + token)
			.header("User-Agent", "AulaTestClient/1.0")
			.header("X-Request-Id", "audit-req-1")
			.POST(HttpRequest.BodyPublishers.noBody()));

		assertThat(response.status()).isEqualTo(200);
		Map<String, Object> row = row("course-7");
		assertThat(row).containsEntry("actor_id", subject)
			.containsEntry("action", AuditProbe.ACTION)
			.containsEntry("entity_type", "probe")
			.containsEntry("ip", "127.0.0.1")
			.containsEntry("user_agent", "AulaTestClient/1.0")
			.containsEntry("request_id", "audit-req-1");
		assertThat(((java.time.OffsetDateTime) row.get("occurred_at")).toInstant()).isBetween(before.minusMillis(1),
				Instant.now());
		assertThat((String) row.get("changes")).contains("Algebra").doesNotContain("hunter2", "accessToken");
	}

	@Test
	void cutsAnOverlongUserAgentToFitTheColumn() {
		String userAgent = "A".repeat(600);
		this.http.send(this.http.request("/api/test/audit?entityId=long-agent")
			.header("Authorization", "Bearer " + TestTokens.accessToken("STUDENT"))
			.header("User-Agent", userAgent)
			.POST(HttpRequest.BodyPublishers.noBody()));

		assertThat(row("long-agent").get("user_agent")).isEqualTo("A".repeat(512));
	}

	@Test
	void anonymousRequestIsRecordedWithoutActor() {
		Response response = this.http.send(this.http.request("/api/test/audit/anonymous?entityId=nobody")
			.header("X-Request-Id", "audit-req-2")
			.POST(HttpRequest.BodyPublishers.noBody()));

		assertThat(response.status()).isEqualTo(200);
		Map<String, Object> row = row("nobody");
		assertThat(row.get("actor_id")).isNull();
		assertThat(row).containsEntry("ip", "127.0.0.1").containsEntry("request_id", "audit-req-2");
	}

	@Test
	void explicitActorIsRecordedWhenNobodyIsAuthenticated() {
		UUID actor = UUID.randomUUID();
		this.http.send(this.http.request("/api/test/audit/anonymous?entityId=login&actor=" + actor)
			.POST(HttpRequest.BodyPublishers.noBody()));

		assertThat(row("login").get("actor_id")).isEqualTo(actor);
	}

	@Test
	void tokenSubjectThatIsNotAUserIdLeavesTheActorEmpty() {
		authenticateAs("reporting-service");
		this.auditLog.record(AuditEntry.of("report.export", "report", "service-subject"));

		assertThat(row("service-subject").get("actor_id")).isNull();
	}

	@Test
	void tokenSubjectIsTheActorOutsideARequest() {
		UUID user = UUID.randomUUID();
		authenticateAs(user.toString());
		this.auditLog.record(AuditEntry.of("report.export", "report", "job-subject"));

		Map<String, Object> row = row("job-subject");
		assertThat(row).containsEntry("actor_id", user);
		assertThat(row.get("ip")).isNull();
		assertThat(row.get("user_agent")).isNull();
	}

	private void authenticateAs(String subject) {
		Jwt jwt = Jwt.withTokenValue("token").header("alg", "none").subject(subject).build();
		SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt));
	}

	private Map<String, Object> row(String entityId) {
		return this.jdbc.sql("select * from audit_log where entity_id = :entityId")
			.param("entityId", entityId)
			.query()
			.singleRow();
	}

}
