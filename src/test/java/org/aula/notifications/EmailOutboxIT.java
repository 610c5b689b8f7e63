package org.aula.notifications;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.aula.testsupport.EmbeddedAulaTest;
import org.aula.testsupport.HttpApi;
import org.aula.testsupport.HttpApi.Response;
import org.aula.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Emails exist exactly when the transaction that queued them commits, each with the job
 * that delivers it, and in the embedded mode administrators can read them over HTTP. The
 * job worker is off here, so emails stay as they were queued.
 */
@EmbeddedAulaTest
@TestPropertySource(properties = "aula.jobs.worker.enabled=false")
class EmailOutboxIT {

	static final String ADMIN = "Bearer " + TestTokens.accessToken("ADMIN");

	static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

	@LocalServerPort
	int port;

	@Autowired
	EmailOutbox outbox;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	TransactionTemplate transactions;

	HttpApi http;

	@BeforeEach
	void emptyTheOutbox() {
		this.http = new HttpApi(this.port);
		this.transactions = new TransactionTemplate(this.transactionManager);
		this.jdbc.sql("delete from email_outbox").update();
		this.jdbc.sql("delete from jobs").update();
	}

	@Test
	void enqueueInsideATransactionWritesAPendingEmail() {
		Instant before = Instant.now().minusMillis(1);
		UUID id = this.transactions.execute((tx) -> this.outbox
			.enqueue(new OutgoingEmail("ana@example.org", "You are invited", "Open https://aula.example/i/abc")));

		Map<String, Object> row = this.jdbc.sql("select * from email_outbox where id = :id")
			.param("id", id)
			.query()
			.singleRow();
		assertThat(row).containsEntry("recipient", "ana@example.org")
			.containsEntry("subject", "You are invited")
			.containsEntry("body", "Open https://aula.example/i/abc")
			.containsEntry("status", "PENDING")
			.containsEntry("attempts", 0);
		assertThat(row.get("sent_at")).isNull();
		assertThat(row.get("last_error")).isNull();
		assertThat(((OffsetDateTime) row.get("created_at")).toInstant()).isBetween(before, Instant.now());
		assertThat(this.jdbc.sql("select state from jobs where type = 'email.deliver' and payload = :id")
			.param("id", id.toString())
			.query(String.class)
			.list()).containsExactly("QUEUED");
	}

	@Test
	void enqueueInARolledBackTransactionLeavesNoEmail() {
		this.transactions.executeWithoutResult((tx) -> {
			this.outbox.enqueue(new OutgoingEmail("ana@example.org", "You are invited", "..."));
			tx.setRollbackOnly();
		});

		assertThat(count()).isZero();
		assertThat(this.jdbc.sql("select count(*) from jobs").query(Long.class).single()).isZero();
	}

	@Test
	void enqueueWithoutATransactionIsRefused() {
		assertThatExceptionOfType(IllegalTransactionStateException.class)
			.isThrownBy(() -> this.outbox.enqueue(new OutgoingEmail("ana@example.org", "You are invited", "...")));

		assertThat(count()).isZero();
	}

	@Test
	void adminSeesEmailsNewestFirst() {
		UUID old = enqueueAt("ana@example.org", T0);
		UUID newest = enqueueAt("ben@example.org", T0.plusSeconds(120));
		UUID middle = enqueueAt("cai@example.org", T0.plusSeconds(60));

		JsonNode page = list("");
		assertThat(ids(page)).containsExactly(newest.toString(), middle.toString(), old.toString());
		JsonNode first = page.get("items").get(0);
		assertThat(first.get("recipient").asString()).isEqualTo("ben@example.org");
		assertThat(first.get("subject").asString()).isEqualTo("Subject for ben@example.org");
		assertThat(first.get("body").asString()).isEqualTo("Body for ben@example.org");
		assertThat(first.get("status").asString()).isEqualTo("PENDING");
		assertThat(first.get("attempts").asInt()).isZero();
		assertThat(first.get("lastError").isNull()).isTrue();
		assertThat(Instant.parse(first.get("createdAt").asString())).isEqualTo(T0.plusSeconds(120));
		assertThat(first.get("sentAt").isNull()).isTrue();
	}

	@Test
	void adminFiltersByStatus() {
		UUID pending = enqueueAt("ana@example.org", T0);
		UUID failed = enqueueAt("ben@example.org", T0.plusSeconds(1));
		this.jdbc
			.sql("update email_outbox set status = 'FAILED', attempts = 1, last_error = 'AddressException: x'"
					+ " where id = :id")
			.param("id", failed)
			.update();

		JsonNode failures = list("status=failed");
		assertThat(ids(failures)).containsExactly(failed.toString());
		assertThat(failures.get("items").get(0).get("lastError").asString()).isEqualTo("AddressException: x");
		assertThat(failures.get("items").get(0).get("attempts").asInt()).isEqualTo(1);
		assertThat(ids(list("status=PENDING&to=ana@example.org"))).containsExactly(pending.toString());
		assertThat(ids(list("status=sent"))).isEmpty();
	}

	@Test
	void adminFiltersByRecipientInAnyCase() {
		UUID first = enqueueAt("Ana.Perez@Example.org", T0);
		enqueueAt("ben@example.org", T0.plusSeconds(1));
		UUID second = enqueueAt("ana.perez@example.org", T0.plusSeconds(2));

		assertThat(ids(list("to=ANA.PEREZ@example.ORG"))).containsExactly(second.toString(), first.toString());
		assertThat(ids(list("to=nobody@example.org"))).isEmpty();
	}

	@Test
	void adminPagesThroughTheOutbox() {
		for (int i = 0; i < 3; i++) {
			enqueueAt("user" + i + "@example.org", T0.plusSeconds(i));
		}

		JsonNode first = list("page=0&size=2");
		assertThat(first.get("totalItems").asLong()).isEqualTo(3);
		assertThat(first.get("totalPages").asInt()).isEqualTo(2);
		assertThat(first.get("page").asInt()).isZero();
		assertThat(first.get("size").asInt()).isEqualTo(2);
		assertThat(first.get("items").findValuesAsString("recipient")).containsExactly("user2@example.org",
				"user1@example.org");
		assertThat(list("page=1&size=2").get("items").findValuesAsString("recipient"))
			.containsExactly("user0@example.org");
	}

	@Test
	void anonymousCallerIsUnauthorized() {
		Response response = this.http.get("/api/admin/outbox");
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.json().get("type").asString()).isEqualTo("urn:aula:problem:unauthorized");
	}

	@ParameterizedTest
	@ValueSource(strings = { "STUDENT", "TEACHER" })
	void nonAdministratorIsForbidden(String role) {
		Response response = this.http.get("/api/admin/outbox", "Authorization",
				"Bearer " + TestTokens.accessToken(role));
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.json().get("type").asString()).isEqualTo("urn:aula:problem:forbidden");
	}

	@ParameterizedTest
	@ValueSource(strings = { "size=1000", "page=-1", "page=x", "to=", "status=", "status=delivered" })
	void malformedParameterIsABadRequest(String query) {
		Response response = this.http.get("/api/admin/outbox?" + query, "Authorization", ADMIN);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
	}

	private UUID enqueueAt(String to, Instant at) {
		UUID id = this.transactions
			.execute((tx) -> this.outbox.enqueue(new OutgoingEmail(to, "Subject for " + to, "Body for " + to)));
		this.jdbc.sql("update email_outbox set created_at = :at where id = :id")
			.param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
			.param("id", id)
			.update();
		return id;
	}

	private long count() {
		return this.jdbc.sql("select count(*) from email_outbox").query(Long.class).single();
	}

	private JsonNode list(String query) {
		Response response = this.http.get("/api/admin/outbox?" + query, "Authorization", ADMIN);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private static List<String> ids(JsonNode page) {
		return page.get("items").valueStream().map((item) -> item.get("id").asString()).toList();
	}

}
