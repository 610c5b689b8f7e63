package org.aula.notifications;

import java.util.Map;
import java.util.UUID;

import org.aula.testsupport.HttpApi.Response;
import org.aula.testsupport.RequiresPostgres;
import org.aula.testsupport.RequiresRedis;
import org.aula.testsupport.RunningAula;
import org.aula.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * In the shared mode the outbox lives in PostgreSQL with the same guarantees; without an
 * SMTP server its emails are delivered to the log, and the admin view shows how each
 * email fared but never its body, which holds one-time links.
 */
@RequiresPostgres
@RequiresRedis
class OutboxSharedModeIT {

	static RunningAula aula;

	@BeforeAll
	static void start() {
		aula = RunningAula.start(RunningAula.sharedServices());
	}

	@AfterAll
	static void stop() {
		if (aula != null) {
			aula.close();
		}
	}

	@Test
	void adminViewShowsDeliveryButNoBodies() {
		TransactionTemplate transactions = new TransactionTemplate(aula.bean(PlatformTransactionManager.class));
		String to = "view-" + UUID.randomUUID() + "@example.org";
		UUID id = transactions.execute((tx) -> aula.bean(EmailOutbox.class)
			.enqueue(new OutgoingEmail(to, "Reset your password", "https://aula.example/reset?token=secret")));

		JsonNode email = await().until(() -> onlyEmailTo(to),
				(found) -> "LOGGED".equals(found.get("status").asString()));

		assertThat(email.get("id").asString()).isEqualTo(id.toString());
		assertThat(email.get("subject").asString()).isEqualTo("Reset your password");
		assertThat(email.get("attempts").asInt()).isEqualTo(1);
		assertThat(email.get("sentAt").isNull()).isFalse();
		assertThat(email.get("body").isNull()).isTrue();
	}

	@Test
	void emailExistsOnlyIfItsTransactionCommits() {
		EmailOutbox outbox = aula.bean(EmailOutbox.class);
		TransactionTemplate transactions = new TransactionTemplate(aula.bean(PlatformTransactionManager.class));
		JdbcClient jdbc = aula.bean(JdbcClient.class);
		String committedTo = "ana-" + UUID.randomUUID() + "@example.org";
		String rolledBackTo = "ben-" + UUID.randomUUID() + "@example.org";

		UUID committed = transactions
			.execute((tx) -> outbox.enqueue(new OutgoingEmail(committedTo, "Reset your password", "...")));
		UUID[] rolledBack = new UUID[1];
		transactions.executeWithoutResult((tx) -> {
			rolledBack[0] = outbox.enqueue(new OutgoingEmail(rolledBackTo, "Reset your password", "..."));
			tx.setRollbackOnly();
		});

		Map<String, Object> row = await()
			.until(() -> jdbc.sql("select recipient, status, attempts from email_outbox where id = ?")
				.param(committed)
				.query()
				.singleRow(), (found) -> "LOGGED".equals(found.get("status")));
		assertThat(row).containsEntry("recipient", committedTo).containsEntry("attempts", 1);
		assertThat(jdbc.sql("select count(*) from email_outbox where id = ? or recipient = ?")
			.params(rolledBack[0], rolledBackTo)
			.query(Long.class)
			.single()).isZero();
		assertThat(jdbc.sql("select count(*) from jobs where payload = ?")
			.param(rolledBack[0].toString())
			.query(Long.class)
			.single()).isZero();
	}

	private static JsonNode onlyEmailTo(String to) {
		Response response = aula.http()
			.get("/api/admin/outbox?to=" + to, "Authorization", "Bearer " + TestTokens.accessToken("ADMIN"));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode items = response.json().get("items");
		assertThat(items).hasSize(1);
		return items.get(0);
	}

}
