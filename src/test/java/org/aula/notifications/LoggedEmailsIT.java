package org.aula.notifications;

import java.util.Map;
import java.util.UUID;

import org.aula.testsupport.EmbeddedAulaTest;
import org.aula.testsupport.HttpApi;
import org.aula.testsupport.HttpApi.Response;
import org.aula.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The embedded mode without an SMTP server delivers emails to the log: their id,
 * recipient and subject, never the body with its one-time link. The outbox marks them
 * {@code LOGGED}, and administrators read them there.
 */
@EmbeddedAulaTest
@ExtendWith(OutputCaptureExtension.class)
class LoggedEmailsIT {

	private static final String SECRET_LINK = "https://aula.example/reset-password?token=never-in-a-log";

	@LocalServerPort
	int port;

	@Autowired
	EmailOutbox outbox;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Test
	void emailIsWrittenToTheLogWithoutItsBodyAndMarkedLogged(CapturedOutput output) {
		String to = "logged-" + UUID.randomUUID() + "@example.org";
		UUID id = new TransactionTemplate(this.transactionManager)
			.execute((tx) -> this.outbox.enqueue(new OutgoingEmail(to, "Reset your Aula password", SECRET_LINK)));

		Map<String, Object> row = await()
			.until(() -> this.jdbc.sql("select status, attempts, sent_at from email_outbox where id = ?")
				.param(id)
				.query()
				.singleRow(), (found) -> "LOGGED".equals(found.get("status")));

		assertThat(row).containsEntry("attempts", 1);
		assertThat(row.get("sent_at")).isNotNull();
		await().until(() -> output.getOut().contains(id.toString()));
		String line = output.getOut().lines().filter((each) -> each.contains(id.toString())).findFirst().orElseThrow();
		assertThat(line).contains(to).contains("Reset your Aula password");
		assertThat(output.getAll()).doesNotContain("never-in-a-log");

		Response view = new HttpApi(this.port).get("/api/admin/outbox?to=" + to, "Authorization",
				"Bearer " + TestTokens.accessToken("ADMIN"));
		JsonNode email = view.json().get("items").get(0);
		assertThat(email.get("status").asString()).isEqualTo("LOGGED");
		assertThat(email.get("body").asString()).isEqualTo(SECRET_LINK);
	}

}
