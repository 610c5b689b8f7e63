package org.aula.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.aula.platform.jdbc.Timestamps;
import org.aula.testsupport.JobRuns;
import org.aula.testsupport.RunningAula;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily outbox cleanup, the same on every database, with the default retentions:
 * delivered emails (sent or logged) go after 30 days, failed ones after 180 days, pending
 * ones never. Batches hold two emails here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OutboxCleanupContract {

	static final String TYPE = "notifications.cleanup";

	RunningAula aula;

	JdbcClient jdbc;

	/** Settings of the mode under test, a fresh database each time it is called. */
	abstract Map<String, String> modeSettings();

	@BeforeAll
	void start() {
		Map<String, String> settings = new LinkedHashMap<>(modeSettings());
		settings.put("aula.demo.enabled", "false");
		settings.put("aula.notifications.cleanup.batch-size", "2");
		this.aula = RunningAula.start(settings);
		this.jdbc = this.aula.bean(JdbcClient.class);
	}

	@AfterAll
	void stop() {
		if (this.aula != null) {
			this.aula.close();
		}
	}

	@Test
	void theCleanupIsScheduledDaily() {
		assertThat(JobRuns.isScheduled(this.aula, TYPE)).isTrue();
	}

	@Test
	void deletesDeliveredEmailsAfterTheirRetentionAndFailedOnesAfterTheirLongerOne() {
		List<UUID> deleted = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			deleted.add(email("SENT", daysAgo(31 + i)));
			deleted.add(email("LOGGED", daysAgo(31 + i)));
		}
		deleted.add(email("FAILED", daysAgo(181)));
		deleted.add(email("FAILED", daysAgo(200)));
		deleted.add(email("FAILED", daysAgo(365)));
		List<UUID> kept = List.of(email("SENT", daysAgo(29)), email("LOGGED", daysAgo(29)),
				email("FAILED", daysAgo(179)), email("FAILED", daysAgo(31)), email("PENDING", daysAgo(400)),
				email("PENDING", daysAgo(1)));

		JobRuns.runToSuccess(this.aula, TYPE);

		assertThat(existing(deleted)).isEmpty();
		assertThat(existing(kept)).containsExactlyInAnyOrderElementsOf(kept);
	}

	private static Instant daysAgo(int days) {
		return Instant.now().minus(Duration.ofDays(days));
	}

	private UUID email(String status, Instant createdAt) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into email_outbox (id, recipient, subject, body, status, attempts, created_at, sent_at)
				values (:id, 'ana@example.org', 'Welcome', '...', :status, 1, :createdAt, :sentAt)
				""")
			.param("id", id)
			.param("status", status)
			.param("createdAt", Timestamps.of(createdAt))
			.param("sentAt", status.matches("SENT|LOGGED") ? Timestamps.of(createdAt.plusSeconds(5)) : null)
			.update();
		return id;
	}

	private List<UUID> existing(List<UUID> ids) {
		return this.jdbc.sql("select id from email_outbox where id in (:ids)")
			.param("ids", ids)
			.query(UUID.class)
			.list();
	}

}
