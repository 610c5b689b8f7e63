package org.aula.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.aula.testsupport.HttpApi;
import org.aula.testsupport.HttpApi.Response;
import org.aula.testsupport.RunningAula;
import org.aula.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the audit log stores and how administrators search it, held to the same behaviour
 * on every database Aula supports. Each subclass starts Aula on one database.
 */
abstract class AuditLogContract {

	static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

	static final String ADMIN = "Bearer " + TestTokens.accessToken("ADMIN");

	abstract RunningAula aula();

	JdbcClient jdbc;

	TransactionTemplate transactions;

	AuditLog auditLog;

	HttpApi http;

	@BeforeEach
	void emptyTheLog() {
		this.jdbc = aula().bean(JdbcClient.class);
		this.transactions = new TransactionTemplate(aula().bean(PlatformTransactionManager.class));
		this.auditLog = aula().bean(AuditLog.class);
		this.http = aula().http();
		this.jdbc.sql("delete from audit_log").update();
	}

	@AfterEach
	void leaveNoRequest() {
		RequestContextHolder.resetRequestAttributes();
		MDC.clear();
	}

	@Test
	void storesTheEntryWithTheOriginOfTheRequestBeingServed() {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/users");
		request.setRemoteAddr("203.0.113.7");
		request.addHeader("User-Agent", "Firefox/140");
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
		MDC.put("requestId", "req-42");
		UUID actor = UUID.randomUUID();

		this.transactions.executeWithoutResult((tx) -> this.auditLog
			.record(AuditEntry.of("user.invite", "user", "u-1", Map.of("email", "ana@example.org")).by(actor)));

		JsonNode entry = onlyItem(search(""));
		assertThat(entry.get("actorId").asString()).isEqualTo(actor.toString());
		assertThat(entry.get("action").asString()).isEqualTo("user.invite");
		assertThat(entry.get("entityType").asString()).isEqualTo("user");
		assertThat(entry.get("entityId").asString()).isEqualTo("u-1");
		assertThat(entry.get("changes").isObject()).isTrue();
		assertThat(entry.get("changes").get("email").asString()).isEqualTo("ana@example.org");
		assertThat(entry.get("ip").asString()).isEqualTo("203.0.113.7");
		assertThat(entry.get("userAgent").asString()).isEqualTo("Firefox/140");
		assertThat(entry.get("requestId").asString()).isEqualTo("req-42");
		assertThat(Instant.parse(entry.get("occurredAt").asString())).isBetween(Instant.now().minusSeconds(60),
				Instant.now());
	}

	@Test
	void outsideARequestStoresNoOriginAndDoesNotFail() {
		this.auditLog.record(AuditEntry.of("course.archive", "course", "c-1"));

		JsonNode entry = onlyItem(search(""));
		assertThat(entry.get("actorId").isNull()).isTrue();
		assertThat(entry.get("ip").isNull()).isTrue();
		assertThat(entry.get("userAgent").isNull()).isTrue();
		assertThat(entry.get("requestId").isNull()).isTrue();
		assertThat(entry.get("changes").isObject()).isTrue();
		assertThat(entry.get("changes").size()).isZero();
	}

	@Test
	void entryOfARolledBackTransactionIsNotStored() {
		this.transactions.executeWithoutResult((tx) -> {
			this.auditLog.record(AuditEntry.of("user.invite", "user", "u-2"));
			tx.setRollbackOnly();
		});
		assertThatThrownBy(() -> this.transactions.executeWithoutResult((tx) -> {
			this.auditLog.record(AuditEntry.of("user.invite", "user", "u-3"));
			throw new IllegalStateException("the change failed after it was audited");
		})).isInstanceOf(IllegalStateException.class);

		assertThat(this.jdbc.sql("select count(*) from audit_log").query(Long.class).single()).isZero();
	}

	@Test
	void credentialsAreDroppedAtAnyDepth() {
		Map<String, Object> changes = Map.of("email", "ana@example.org", "Password", "hunter2", "profile",
				Map.of("name", "Ana", "passwordHash", "$2a$10$abc", "keys",
						List.of(Map.of("label", "laptop", "API_SECRET", "s3cr3t", "refreshToken", "rt-1")),
						"resetToken", Map.of("value", "xyz")));

		this.auditLog.record(AuditEntry.of("user.update", "user", "u-4", changes));

		String stored = this.jdbc.sql("select changes from audit_log").query(String.class).single();
		assertThat(stored).doesNotContain("hunter2", "$2a$10$abc", "s3cr3t", "rt-1", "xyz")
			.doesNotContainIgnoringCase("password")
			.doesNotContainIgnoringCase("secret")
			.doesNotContainIgnoringCase("token");
		JsonNode stripped = onlyItem(search("")).get("changes");
		assertThat(stripped.get("email").asString()).isEqualTo("ana@example.org");
		assertThat(stripped.get("profile").get("name").asString()).isEqualTo("Ana");
		assertThat(stripped.get("profile").get("keys").get(0).propertyNames()).containsExactly("label");
	}

	@Test
	void listsNewestFirstWithAStableOrderForEqualTimes() {
		UUID low = UUID.fromString("00000000-0000-0000-0000-000000000001");
		UUID high = UUID.fromString("ffffffff-0000-0000-0000-000000000001");
		seed(low, T0.plusSeconds(10), null, "user.invite", "user");
		seed(high, T0.plusSeconds(10), null, "user.invite", "user");
		UUID newest = seed(UUID.randomUUID(), T0.plusSeconds(20), null, "user.invite", "user");
		UUID oldest = seed(UUID.randomUUID(), T0, null, "user.invite", "user");

		assertThat(ids(search(""))).containsExactly(newest.toString(), high.toString(), low.toString(),
				oldest.toString());
	}

	@Test
	void filtersByEachCriterionAndByAllTogether() {
		UUID ana = UUID.randomUUID();
		UUID ben = UUID.randomUUID();
		UUID a1 = seed(UUID.randomUUID(), T0, ana, "user.invite", "user");
		UUID a2 = seed(UUID.randomUUID(), T0.plusSeconds(60), ana, "course.publish", "course");
		UUID b1 = seed(UUID.randomUUID(), T0.plusSeconds(120), ben, "user.invite", "user");
		UUID n1 = seed(UUID.randomUUID(), T0.plusSeconds(180), null, "auth.login.failed", null);

		assertThat(ids(search("actor=" + ana))).containsExactly(a2.toString(), a1.toString());
		assertThat(ids(search("action=user.invite"))).containsExactly(b1.toString(), a1.toString());
		assertThat(ids(search("entityType=course"))).containsExactly(a2.toString());
		assertThat(ids(search("from=" + T0.plusSeconds(60)))).containsExactly(n1.toString(), b1.toString(),
				a2.toString());
		assertThat(ids(search("to=" + T0.plusSeconds(60)))).containsExactly(a1.toString());
		assertThat(ids(search("from=" + T0.plusSeconds(60) + "&to=" + T0.plusSeconds(180))))
			.containsExactly(b1.toString(), a2.toString());
		assertThat(ids(
				search("actor=" + ana + "&action=user.invite&entityType=user&from=" + T0 + "&to=" + T0.plusSeconds(1))))
			.containsExactly(a1.toString());
		assertThat(ids(search("actor=" + ben + "&action=course.publish"))).isEmpty();
		assertThat(ids(search("actor=&action=&entityType=&from=&to="))).hasSize(4);
	}

	@Test
	void acceptsInstantsWithAnOffset() {
		UUID id = seed(UUID.randomUUID(), T0.plusSeconds(3600), null, "user.invite", "user");

		assertThat(ids(search("from=2030-01-01T02:00:00%2B01:00&to=2030-01-01T03:30:00%2B02:00")))
			.containsExactly(id.toString());
	}

	@Test
	void pagesCarryTheirPosition() {
		for (int i = 0; i < 5; i++) {
			seed(UUID.randomUUID(), T0.plusSeconds(i), null, "user.invite", "user");
		}
		List<String> all = ids(search(""));

		JsonNode second = search("page=1&size=2");
		assertThat(second.get("page").asInt()).isEqualTo(1);
		assertThat(second.get("size").asInt()).isEqualTo(2);
		assertThat(second.get("totalItems").asLong()).isEqualTo(5);
		assertThat(second.get("totalPages").asInt()).isEqualTo(3);
		assertThat(ids(second)).containsExactlyElementsOf(all.subList(2, 4));
		assertThat(ids(search("page=2&size=2"))).containsExactlyElementsOf(all.subList(4, 5));
		JsonNode beyond = search("page=7&size=2");
		assertThat(ids(beyond)).isEmpty();
		assertThat(beyond.get("totalItems").asLong()).isEqualTo(5);
	}

	@Test
	void anonymousCallerIsUnauthorized() {
		Response response = this.http.get("/api/admin/audit");
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.json().get("type").asString()).isEqualTo("urn:aula:problem:unauthorized");
	}

	@ParameterizedTest
	@ValueSource(strings = { "STUDENT", "TEACHER" })
	void nonAdministratorIsForbidden(String role) {
		Response response = this.http.get("/api/admin/audit", "Authorization",
				"Bearer " + TestTokens.accessToken(role));
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.json().get("type").asString()).isEqualTo("urn:aula:problem:forbidden");
	}

	@ParameterizedTest
	@ValueSource(strings = { "actor=not-a-uuid", "actor=1-2-3-4-5x", "from=yesterday", "to=2030-13-01T00:00:00Z",
			"from=2030-01-02T00:00:00Z&to=2030-01-01T00:00:00Z", "from=%2B1000000000-12-31T23:59:59Z",
			"to=-1000000000-01-01T00:00:00Z", "size=1000", "size=0", "page=-1", "page=first",
			"action=user.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
			"entityType=ccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc" })
	void malformedParameterIsABadRequest(String query) {
		Response response = this.http.get("/api/admin/audit?" + query, "Authorization", ADMIN);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("type").asString()).isIn("urn:aula:problem:bad-request",
				"urn:aula:problem:validation-failed");
	}

	private UUID seed(UUID id, Instant at, UUID actor, String action, String entityType) {
		this.jdbc.sql("""
				insert into audit_log (id, occurred_at, actor_id, action, entity_type, entity_id, changes)
				values (:id, :at, :actor, :action, :entityType, :entityId, '{}')
				""")
			.param("id", id)
			.param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
			.param("actor", actor)
			.param("action", action)
			.param("entityType", entityType)
			.param("entityId", (entityType != null) ? id.toString() : null)
			.update();
		return id;
	}

	private JsonNode search(String query) {
		Response response = this.http.get("/api/admin/audit?" + query, "Authorization", ADMIN);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private static List<String> ids(JsonNode page) {
		return page.get("items").valueStream().map((item) -> item.get("id").asString()).toList();
	}

	private static JsonNode onlyItem(JsonNode page) {
		assertThat(page.get("items").size()).isEqualTo(1);
		return page.get("items").get(0);
	}

}
