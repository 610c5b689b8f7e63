package org.aula.audit;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.aula.platform.jdbc.Timestamps;
import org.aula.platform.jobs.JobContext;
import org.aula.platform.jobs.JobHandler;
import org.aula.testsupport.HttpApi.Response;
import org.aula.testsupport.JobRuns;
import org.aula.testsupport.RunningAula;
import org.aula.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The daily move of old audit entries to the archive and the administrators' search of
 * it, with the same behaviour on every database Aula supports. Batches hold two entries
 * here, so every move takes several.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AuditArchiveContract {

	static final String ADMIN = "Bearer " + TestTokens.accessToken("ADMIN");

	static final String TYPE = "audit.archive";

	/** Older than the default archive age of 180 days. */
	static final Instant OLD = Instant.now().minus(Duration.ofDays(400)).truncatedTo(ChronoUnit.SECONDS);

	RunningAula aula;

	JdbcClient jdbc;

	/** Settings of the database under test, a fresh database each time it is called. */
	abstract Map<String, String> modeSettings();

	@BeforeAll
	void start() {
		Map<String, String> settings = new LinkedHashMap<>(modeSettings());
		settings.put("aula.demo.enabled", "false");
		settings.put("aula.audit.archive-batch-size", "2");
		this.aula = RunningAula.start(settings);
		this.jdbc = this.aula.bean(JdbcClient.class);
	}

	@AfterAll
	void stop() {
		if (this.aula != null) {
			this.aula.close();
		}
	}

	@BeforeEach
	void emptyTheLogAndItsArchive() {
		this.jdbc.sql("delete from audit_log").update();
		this.jdbc.sql("delete from audit_log_archive").update();
	}

	@Test
	void archivingIsScheduledDaily() {
		assertThat(JobRuns.isScheduled(this.aula, TYPE)).isTrue();
	}

	@Test
	void movesOnlyEntriesOlderThanTheArchiveAge() {
		List<String> old = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			old.add(seed(OLD.plusSeconds(i), null, "user.invite", "user").toString());
		}
		String almostDue = seed(Instant.now().minus(Duration.ofDays(179)), null, "user.invite", "user").toString();
		String recent = seed(Instant.now().minus(Duration.ofMinutes(5)), null, "user.invite", "user").toString();

		JsonNode job = JobRuns.runToSuccess(this.aula, TYPE);

		assertThat(ids(search(""))).containsExactly(recent, almostDue);
		assertThat(ids(search("archived=false"))).containsExactly(recent, almostDue);
		assertThat(ids(search("archived=true"))).containsExactlyElementsOf(old.reversed());
		assertThat(job.get("progress").asInt()).isEqualTo(100);
		assertThat(job.get("progressMessage").asString()).isEqualTo("5 audit entries archived");
	}

	@Test
	void anArchivedEntryKeepsEverythingItRecorded() {
		UUID actor = UUID.randomUUID();
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into audit_log (id, occurred_at, actor_id, action, entity_type, entity_id, changes, ip,
				                       user_agent, request_id)
				values (:id, :at, :actor, 'course.publish', 'course', 'c-7', '{"title":"Algebra"}', '203.0.113.9',
				        'Firefox/140', 'req-7')
				""").param("id", id).param("at", Timestamps.of(OLD)).param("actor", actor).update();
		Instant before = Instant.now().minusSeconds(1);

		JobRuns.runToSuccess(this.aula, TYPE);

		JsonNode entry = search("archived=true").get("items").get(0);
		assertThat(entry.get("id").asString()).isEqualTo(id.toString());
		assertThat(Instant.parse(entry.get("occurredAt").asString())).isEqualTo(OLD);
		assertThat(entry.get("actorId").asString()).isEqualTo(actor.toString());
		assertThat(entry.get("action").asString()).isEqualTo("course.publish");
		assertThat(entry.get("entityType").asString()).isEqualTo("course");
		assertThat(entry.get("entityId").asString()).isEqualTo("c-7");
		assertThat(entry.get("changes").get("title").asString()).isEqualTo("Algebra");
		assertThat(entry.get("ip").asString()).isEqualTo("203.0.113.9");
		assertThat(entry.get("userAgent").asString()).isEqualTo("Firefox/140");
		assertThat(entry.get("requestId").asString()).isEqualTo("req-7");
		assertThat(Instant.parse(entry.get("archivedAt").asString())).isBetween(before, Instant.now());
	}

	@Test
	void theArchiveIsSearchedWithTheSameFiltersAndPaging() {
		UUID ana = UUID.randomUUID();
		UUID ben = UUID.randomUUID();
		String a1 = seed(OLD, ana, "user.invite", "user").toString();
		String a2 = seed(OLD.plusSeconds(60), ana, "course.publish", "course").toString();
		String b1 = seed(OLD.plusSeconds(120), ben, "user.invite", "user").toString();
		String n1 = seed(OLD.plusSeconds(180), null, "auth.login.failed", null).toString();
		String live = seed(Instant.now().minusSeconds(60), ana, "user.invite", "user").toString();

		JobRuns.runToSuccess(this.aula, TYPE);

		assertThat(ids(search("archived=true&actor=" + ana))).containsExactly(a2, a1);
		assertThat(ids(search("archived=true&action=user.invite"))).containsExactly(b1, a1);
		assertThat(ids(search("archived=true&entityType=course"))).containsExactly(a2);
		assertThat(ids(search("archived=true&from=" + OLD.plusSeconds(60)))).containsExactly(n1, b1, a2);
		assertThat(ids(search("archived=true&to=" + OLD.plusSeconds(60)))).containsExactly(a1);
		assertThat(ids(search("archived=true&actor=" + ana + "&action=user.invite&entityType=user&from=" + OLD + "&to="
				+ OLD.plusSeconds(1))))
			.containsExactly(a1);
		assertThat(ids(search("actor=" + ana))).containsExactly(live);
		assertThat(ids(search("action=user.invite&to=" + OLD.plusSeconds(3600)))).isEmpty();

		JsonNode second = search("archived=true&page=1&size=3");
		assertThat(second.get("totalItems").asLong()).isEqualTo(4);
		assertThat(second.get("totalPages").asInt()).isEqualTo(2);
		assertThat(ids(second)).containsExactly(a1);
	}

	@Test
	void runningAgainCopiesNothingTwiceAndLosesNothing() {
		List<String> old = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			old.add(seed(OLD.plusSeconds(i), null, "user.invite", "user").toString());
		}
		JobRuns.runToSuccess(this.aula, TYPE);
		// An entry somehow in both tables, as if a copy had been made without the delete.
		String both = seed(OLD.plusSeconds(10), null, "user.invite", "user").toString();
		this.jdbc.sql("""
				insert into audit_log_archive (id, occurred_at, action, changes, archived_at)
				select id, occurred_at, action, changes, occurred_at from audit_log where id = :id
				""").param("id", UUID.fromString(both)).update();

		JobRuns.runToSuccess(this.aula, TYPE);
		JobRuns.runToSuccess(this.aula, TYPE);

		assertThat(count("audit_log")).isZero();
		assertThat(archivedIds()).containsExactlyInAnyOrder(both, old.get(0), old.get(1), old.get(2), old.get(3),
				old.get(4));
	}

	@Test
	void aJobStoppedBetweenBatchesIsFinishedByTheNextRunWithoutDuplicates() throws Exception {
		List<String> old = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			old.add(seed(OLD.plusSeconds(i), null, "user.invite", "user").toString());
		}

		assertThatThrownBy(() -> handler().run(new StoppingAfterFirstBatch())).isInstanceOf(InterruptedException.class);
		assertThat(count("audit_log")).isEqualTo(3);
		assertThat(archivedIds()).containsExactlyInAnyOrder(old.get(0), old.get(1));

		JobRuns.runToSuccess(this.aula, TYPE);

		assertThat(count("audit_log")).isZero();
		assertThat(archivedIds()).containsExactlyInAnyOrderElementsOf(old);
	}

	@ParameterizedTest
	@ValueSource(strings = { "archived=maybe", "archived=2", "archived=true&size=0" })
	void malformedArchiveSearchIsABadRequest(String query) {
		Response response = this.aula.http().get("/api/admin/audit?" + query, "Authorization", ADMIN);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
	}

	@Test
	void onlyAdministratorsSearchTheArchive() {
		Response response = this.aula.http()
			.get("/api/admin/audit?archived=true", "Authorization", "Bearer " + TestTokens.accessToken("TEACHER"));
		assertThat(response.status()).isEqualTo(403);
	}

	private JobHandler handler() {
		return this.aula.context()
			.getBeansOfType(JobHandler.class)
			.values()
			.stream()
			.filter((handler) -> handler.type().equals(TYPE))
			.findFirst()
			.orElseThrow();
	}

	private UUID seed(Instant at, UUID actor, String action, String entityType) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into audit_log (id, occurred_at, actor_id, action, entity_type, entity_id, changes)
				values (:id, :at, :actor, :action, :entityType, :entityId, '{}')
				""")
			.param("id", id)
			.param("at", Timestamps.of(at))
			.param("actor", actor)
			.param("action", action)
			.param("entityType", entityType)
			.param("entityId", (entityType != null) ? id.toString() : null)
			.update();
		return id;
	}

	private long count(String table) {
		return this.jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	private List<String> archivedIds() {
		return this.jdbc.sql("select id from audit_log_archive")
			.query(UUID.class)
			.list()
			.stream()
			.map(UUID::toString)
			.toList();
	}

	private JsonNode search(String query) {
		Response response = this.aula.http().get("/api/admin/audit?" + query, "Authorization", ADMIN);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private static List<String> ids(JsonNode page) {
		return page.get("items").valueStream().map((item) -> item.get("id").asString()).toList();
	}

	/** A job whose instance starts shutting down once the first batch is done. */
	private static final class StoppingAfterFirstBatch implements JobContext {

		private int asked;

		@Override
		public UUID jobId() {
			return UUID.randomUUID();
		}

		@Override
		public String payload() {
			return "";
		}

		@Override
		public int attempt() {
			return 1;
		}

		@Override
		public void progress(int percent, String message) {
		}

		@Override
		public boolean isStopping() {
			return this.asked++ > 0;
		}

	}

}
