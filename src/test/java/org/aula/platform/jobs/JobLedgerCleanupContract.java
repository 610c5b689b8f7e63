package org.aula.platform.jobs;

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
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily cleanup of the job ledger, the same on every database: succeeded jobs older
 * than the retention (14 days by default) go, in batches of two here; everything else
 * stays.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JobLedgerCleanupContract {

	RunningAula aula;

	JdbcClient jdbc;

	/** Settings of the mode under test, a fresh database each time it is called. */
	abstract Map<String, String> modeSettings();

	@BeforeAll
	void start() {
		Map<String, String> settings = new LinkedHashMap<>(modeSettings());
		settings.put("aula.demo.enabled", "false");
		settings.put("aula.jobs.cleanup.batch-size", "2");
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
		assertThat(JobRuns.isScheduled(this.aula, "jobs.cleanup")).isTrue();
	}

	@Test
	void deletesSucceededJobsOlderThanTheRetentionAndKeepsTheRest() {
		List<UUID> old = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			old.add(job("SUCCEEDED", Instant.now().minus(Duration.ofDays(15 + i))));
		}
		UUID recent = job("SUCCEEDED", Instant.now().minus(Duration.ofDays(13)));
		UUID dead = job("DEAD", Instant.now().minus(Duration.ofDays(60)));

		JsonNode cleanup = JobRuns.runToSuccess(this.aula, "jobs.cleanup");

		assertThat(existing(old)).isEmpty();
		assertThat(existing(List.of(recent, dead))).containsExactlyInAnyOrder(recent, dead);
		assertThat(cleanup.get("progressMessage").asString()).isEqualTo("5 succeeded jobs");
		assertThat(existing(List.of(UUID.fromString(cleanup.get("id").asString())))).hasSize(1);
	}

	private UUID job(String state, Instant finishedAt) {
		UUID id = UUID.randomUUID();
		Instant created = finishedAt.minusSeconds(60);
		this.jdbc.sql("""
				insert into jobs (id, type, payload, state, attempts, max_attempts, created_at, started_at,
				                  finished_at, updated_at)
				values (:id, 'test.work', '', :state, 1, 5, :created, :created, :finished, :finished)
				""")
			.param("id", id)
			.param("state", state)
			.param("created", Timestamps.of(created))
			.param("finished", Timestamps.of(finishedAt))
			.update();
		return id;
	}

	private List<UUID> existing(List<UUID> ids) {
		return this.jdbc.sql("select id from jobs where id in (:ids)").param("ids", ids).query(UUID.class).list();
	}

}
