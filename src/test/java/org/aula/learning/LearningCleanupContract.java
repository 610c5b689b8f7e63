package org.aula.learning;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.aula.catalog.CourseRef;
import org.aula.learning.LearningClient.User;
import org.aula.platform.jdbc.Timestamps;
import org.aula.testsupport.HttpApi.Response;
import org.aula.testsupport.JobRuns;
import org.aula.testsupport.RunningAula;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.aula.learning.LearningClient.newKey;
import static org.aula.learning.LearningClient.uniqueCode;
import static org.aula.learning.LearningClient.user;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily learning cleanup, the same on every database: idempotency keys older than
 * their retention (7 days by default) are deleted, in batches of two here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LearningCleanupContract {

	static final String TYPE = "learning.cleanup";

	RunningAula aula;

	LearningClient client;

	JdbcClient jdbc;

	/** Settings of the mode under test, a fresh database each time it is called. */
	abstract Map<String, String> modeSettings();

	@BeforeAll
	void start() {
		Map<String, String> settings = new LinkedHashMap<>(modeSettings());
		settings.put("aula.demo.enabled", "false");
		settings.put("aula.learning.cleanup.batch-size", "2");
		this.aula = RunningAula.start(settings, InMemoryCourses.class);
		this.jdbc = this.aula.bean(JdbcClient.class);
		this.client = new LearningClient(this.aula.http(), this.jdbc);
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
	void deletesIdempotencyKeysOlderThanTheRetention() {
		UUID caller = UUID.randomUUID();
		List<String> old = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			old.add(key(caller, Instant.now().minus(Duration.ofDays(8 + i))));
		}
		List<String> kept = List.of(key(caller, Instant.now().minus(Duration.ofDays(6))),
				key(caller, Instant.now().minusSeconds(5)));

		JobRuns.runToSuccess(this.aula, TYPE);

		assertThat(keysOf(caller)).containsExactlyInAnyOrderElementsOf(kept);
	}

	@Test
	void aPurchaseRetriedAfterItsKeyWasDeletedStillEnrolsAndChargesOnce() {
		CourseRef course = InMemoryCourses.addCourse(uniqueCode(), UUID.randomUUID(), "19.90", true);
		User student = user("STUDENT");
		String key = newKey();
		Response first = this.client.enrol(student, course.code(), key, "{\"paymentToken\":\"tok_1\"}");
		assertThat(first.status()).as(first.body()).isEqualTo(201);
		this.jdbc.sql("UPDATE idempotency_keys SET created_at = ? WHERE caller_id = ?")
			.params(Timestamps.of(Instant.now().minus(Duration.ofDays(30))), student.id())
			.update();

		JobRuns.runToSuccess(this.aula, TYPE);
		assertThat(keysOf(student.id())).isEmpty();
		Response late = this.client.enrol(student, course.code(), key, "{\"paymentToken\":\"tok_1\"}");

		assertThat(late.status()).as(late.body()).isEqualTo(409);
		assertThat(this.client.enrolments(student)).isOne();
		assertThat(this.client.sales(student)).isOne();
	}

	private String key(UUID caller, Instant createdAt) {
		String key = newKey();
		this.jdbc.sql("""
				INSERT INTO idempotency_keys (caller_id, idempotency_key, request_hash, response_status, response_body,
				                              created_at)
				VALUES (?, ?, 'hash', 201, '{}', ?)
				""").params(caller, key, Timestamps.of(createdAt)).update();
		return key;
	}

	private List<String> keysOf(UUID caller) {
		return this.jdbc.sql("SELECT idempotency_key FROM idempotency_keys WHERE caller_id = ?")
			.param(caller)
			.query(String.class)
			.list();
	}

}
