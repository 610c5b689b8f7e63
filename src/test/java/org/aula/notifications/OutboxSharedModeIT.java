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

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In the shared mode the outbox lives in PostgreSQL with the same guarantees, and its
 * admin view does not exist: emails leave over SMTP there.
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
	void adminViewDoesNotExist() {
		Response response = aula.http()
			.get("/api/admin/outbox", "Authorization", "Bearer " + TestTokens.accessToken("ADMIN"));

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.json().get("type").asString()).isEqualTo("urn:aula:problem:not-found");
	}

	@Test
	void emailExistsOnlyIfItsTransactionCommits() {
		EmailOutbox outbox = aula.bean(EmailOutbox.class);
		TransactionTemplate transactions = new TransactionTemplate(aula.bean(PlatformTransactionManager.class));
		JdbcClient jdbc = aula.bean(JdbcClient.class);

		UUID committed = transactions
			.execute((tx) -> outbox.enqueue(new OutgoingEmail("ana@example.org", "Reset your password", "...")));
		transactions.executeWithoutResult((tx) -> {
			outbox.enqueue(new OutgoingEmail("ben@example.org", "Reset your password", "..."));
			tx.setRollbackOnly();
		});

		Map<String, Object> row = jdbc.sql("select recipient, status, attempts from email_outbox").query().singleRow();
		assertThat(row).containsEntry("recipient", "ana@example.org")
			.containsEntry("status", "PENDING")
			.containsEntry("attempts", 0);
		assertThat(jdbc.sql("select id from email_outbox").query(UUID.class).single()).isEqualTo(committed);
	}

}
