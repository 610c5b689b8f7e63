package org.aula.platform.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import org.aula.testsupport.HttpApi.Response;
import org.aula.testsupport.RunningAula;
import org.aula.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The job queue's guarantees on a real database, with one or two running instances
 * sharing it: run once on the embedded H2 and once on PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JobQueueContract {

	private static final Duration PATIENCE = Duration.ofSeconds(20);

	RunningAula aula;

	/** Settings of the mode under test; every call names a fresh database. */
	abstract Map<String, String> modeSettings();

	private Map<String, String> database;

	@BeforeAll
	void start() {
		this.database = modeSettings();
		this.aula = startInstance(Map.of());
	}

	@AfterAll
	void stop() {
		JobProbe.releases.values().forEach(CountDownLatch::countDown);
		if (this.aula != null) {
			this.aula.close();
		}
	}

	/** Another instance on the same database, as a second node of a cluster. */
	RunningAula startInstance(Map<String, String> extra) {
		Map<String, String> settings = new LinkedHashMap<>(this.database);
		settings.put("aula.demo.enabled", "false");
		settings.put("aula.jobs.worker.polling-interval", "200ms");
		settings.put("aula.jobs.worker.heartbeat-interval", "250ms");
		settings.put("aula.jobs.worker.missed-heartbeats", "4");
		settings.put("aula.jobs.worker.shutdown-max-wait", "300ms");
		settings.put("aula.jobs.serial-retry-delay", "100ms");
		settings.put("aula.jobs.serial-lease", "1s");
		settings.put("AULA_RATELIMIT_API_PER_MINUTE", "100000");
		settings.putAll(extra);
		return RunningAula.start(settings, JobProbe.class);
	}

	@Test
	void runsAJobEnqueuedInACommittedTransaction() {
		String payload = unique();

		UUID id = enqueue(this.aula, JobRequest.of("test.record", payload));

		JobView done = awaitState(id, JobState.SUCCEEDED);
		assertThat(JobProbe.effectsOf(payload)).isEqualTo(1);
		assertThat(done.attempts()).isEqualTo(1);
		assertThat(done.finishedAt()).isNotNull();
	}

	@Test
	void neverRunsAJobEnqueuedInARolledBackTransaction() throws InterruptedException {
		String payload = unique();
		UUID[] id = new UUID[1];

		transactions(this.aula).executeWithoutResult((tx) -> {
			id[0] = this.aula.bean(Jobs.class).enqueue(JobRequest.of("test.record", payload));
			tx.setRollbackOnly();
		});
		// A committed job enqueued after it runs within the same poll: once it has run,
		// the
		// rolled-back one had every chance to.
		UUID witness = enqueue(this.aula, JobRequest.of("test.record", unique()));
		awaitState(witness, JobState.SUCCEEDED);
		Thread.sleep(500);

		assertThat(JobProbe.effectsOf(payload)).isZero();
		assertThat(ledger(this.aula).find(id[0])).isEmpty();
		assertThat(jdbc(this.aula).sql("select count(*) from scheduled_tasks where task_instance = :id")
			.param("id", id[0].toString())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void refusesToEnqueueOutsideATransaction() {
		assertThatExceptionOfType(IllegalTransactionStateException.class)
			.isThrownBy(() -> this.aula.bean(Jobs.class).enqueue(JobRequest.of("test.record", unique())));
	}

	@Test
	void refusesAJobTypeWithoutHandler() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> enqueue(this.aula, JobRequest.of("test.nobody-handles-this", "x")));
	}

	@Test
	void retriesAFailingHandlerUntilItSucceedsWithOneEffect() {
		String payload = unique();
		JobProbe.failuresLeft.put(payload, new AtomicInteger(2));

		UUID id = enqueue(this.aula, JobRequest.of("test.flaky", payload));

		JobView done = awaitState(id, JobState.SUCCEEDED);
		assertThat(done.attempts()).isEqualTo(3);
		assertThat(done.lastError()).contains("failing on purpose, attempt 2");
		assertThat(JobProbe.startsOf(payload)).isEqualTo(3);
		assertThat(JobProbe.effectsOf(payload)).isEqualTo(1);
	}

	@Test
	void runningAFinishedJobAgainHasNoEffect() {
		String payload = unique();
		UUID id = enqueue(this.aula, JobRequest.of("test.record", payload));
		awaitState(id, JobState.SUCCEEDED);

		// What a second delivery of the same execution does, e.g. after a worker died
		// between the effect and removing the execution.
		this.aula.bean(JobRunner.class).run(id, () -> false);

		assertThat(JobProbe.effectsOf(payload)).isEqualTo(1);
		assertThat(ledger(this.aula).find(id).orElseThrow().state()).isEqualTo(JobState.SUCCEEDED);
	}

	@Test
	void deadJobIsVisibleToAdminsAndRunsAgainWhenRetried() {
		String payload = unique();
		JobProbe.failuresLeft.put(payload, new AtomicInteger(2));
		UUID id = enqueue(this.aula, JobRequest.of("test.doomed", payload));
		awaitState(id, JobState.DEAD);

		Response dead = this.aula.http().get("/api/admin/jobs?state=dead&type=test.doomed", admin());
		assertThat(dead.status()).as(dead.body()).isEqualTo(200);
		assertThat(ids(dead.json().get("items"))).contains(id.toString());
		Response detail = this.aula.http().get("/api/admin/jobs/" + id, admin());
		assertThat(detail.json().get("state").asString()).isEqualTo("DEAD");
		assertThat(detail.json().get("attempts").asInt()).isEqualTo(2);
		assertThat(detail.json().get("lastError").asString()).contains("still broken");
		assertThat(JobProbe.effectsOf(payload)).isZero();

		Response retried = this.aula.http().postJson("/api/admin/jobs/" + id + "/retry", "", admin());

		assertThat(retried.status()).as(retried.body()).isEqualTo(202);
		JobView done = awaitState(id, JobState.SUCCEEDED);
		assertThat(done.attempts()).isEqualTo(1);
		assertThat(JobProbe.effectsOf(payload)).isEqualTo(1);
	}

	@Test
	void retryingAJobThatIsNotDeadIsAConflict() {
		UUID id = enqueue(this.aula, JobRequest.of("test.record", unique()));
		awaitState(id, JobState.SUCCEEDED);

		Response response = this.aula.http().postJson("/api/admin/jobs/" + id + "/retry", "", admin());

		assertThat(response.status()).isEqualTo(409);
		assertThat(response.json().get("type").asString()).isEqualTo("urn:aula:problem:job-not-retryable");
	}

	@Test
	void adminJobsApiRejectsBadInputAndNonAdmins() {
		assertThat(this.aula.http().get("/api/admin/jobs?state=sleeping", admin()).status()).isEqualTo(400);
		assertThat(this.aula.http().get("/api/admin/jobs?size=1000", admin()).status()).isEqualTo(400);
		assertThat(this.aula.http().get("/api/admin/jobs/not-a-uuid", admin()).status()).isEqualTo(400);
		assertThat(this.aula.http().get("/api/admin/jobs/" + UUID.randomUUID(), admin()).status()).isEqualTo(404);
		assertThat(this.aula.http()
			.get("/api/admin/jobs", "Authorization", "Bearer " + TestTokens.accessToken("TEACHER"))
			.status()).isEqualTo(403);
		assertThat(this.aula.http().get("/api/admin/jobs").status()).isEqualTo(401);
	}

	@Test
	void jobReportsProgressWhileItRuns() {
		String payload = unique();
		UUID id = enqueue(this.aula, JobRequest.of("test.block", payload));

		await().atMost(PATIENCE).untilAsserted(() -> {
			JobView running = ledger(this.aula).find(id).orElseThrow();
			assertThat(running.state()).isEqualTo(JobState.RUNNING);
			assertThat(running.progress()).isEqualTo(10);
			assertThat(running.progressMessage()).isEqualTo("waiting to be released");
		});
		JobProbe.releases.get(payload).countDown();

		assertThat(awaitState(id, JobState.SUCCEEDED).progress()).isEqualTo(100);
	}

	@Test
	void exposesQueueLengthDurationAndFailureMetrics() {
		String payload = unique();
		JobProbe.failuresLeft.put(payload, new AtomicInteger(1));
		awaitState(enqueue(this.aula, JobRequest.of("test.flaky", payload)), JobState.SUCCEEDED);
		MeterRegistry registry = this.aula.bean(MeterRegistry.class);

		assertThat(registry.get("aula.jobs.failures").tag("type", "test.flaky").counter().count()).isPositive();
		assertThat(registry.get("aula.jobs.duration")
			.tag("type", "test.flaky")
			.tag("outcome", "succeeded")
			.timer()
			.count()).isPositive();
		assertThat(registry.get("aula.jobs.queue").tag("state", "succeeded").gauge().value()).isPositive();
	}

	@Test
	void jobsSharingASerialKeyNeverOverlapAcrossInstances() {
		try (RunningAula second = startInstance(Map.of())) {
			assertThat(second.bean(JobWorker.class).isRunning()).as("a second worker competes for the jobs").isTrue();
			int before = JobProbe.serialRuns.size();
			List<UUID> ids = new ArrayList<>();
			transactions(this.aula).executeWithoutResult((tx) -> {
				for (int i = 0; i < 6; i++) {
					ids.add(this.aula.bean(Jobs.class)
						.enqueue(JobRequest.of("test.serial", unique()).serialisedBy("course-statistics:42")));
				}
			});

			ids.forEach((id) -> awaitState(id, JobState.SUCCEEDED));

			List<Instant[]> runs = new ArrayList<>(JobProbe.serialRuns.subList(before, JobProbe.serialRuns.size()));
			runs.sort(Comparator.comparing((Instant[] run) -> run[0]));
			assertThat(runs).hasSize(6);
			for (int i = 1; i < runs.size(); i++) {
				assertThat(runs.get(i)[0]).as("run %d starts after run %d ends", i, i - 1)
					.isAfterOrEqualTo(runs.get(i - 1)[1]);
			}
			assertThat(jdbc(this.aula).sql("select count(*) from job_locks").query(Long.class).single()).isZero();
		}
	}

	@Test
	void apiOnlyInstanceEnqueuesButNeverRunsJobs() throws InterruptedException {
		try (RunningAula apiOnly = startInstance(Map.of("aula.jobs.worker.enabled", "false"))) {
			assertThat(apiOnly.context().getBeanProvider(JobWorker.class).getIfAvailable()).isNull();
			pauseWorker(this.aula);
			try {
				UUID id = enqueue(apiOnly, JobRequest.of("test.record", unique()));
				Thread.sleep(1_500);
				assertThat(ledger(apiOnly).find(id).orElseThrow().state()).isEqualTo(JobState.QUEUED);
			}
			finally {
				resumeWorker(this.aula);
			}
		}
	}

	@Test
	void aLongJobKeepsItsSerialKeyPastTheLeaseWhileItReportsProgress() {
		int before = JobProbe.serialRuns.size();
		List<UUID> ids = new ArrayList<>();
		transactions(this.aula).executeWithoutResult((tx) -> {
			for (int i = 0; i < 2; i++) {
				ids.add(this.aula.bean(Jobs.class)
					.enqueue(JobRequest.of("test.long-serial", unique()).serialisedBy("long-refresh")));
			}
		});

		ids.forEach((id) -> awaitState(id, JobState.SUCCEEDED));

		List<Instant[]> runs = new ArrayList<>(JobProbe.serialRuns.subList(before, JobProbe.serialRuns.size()));
		runs.sort(Comparator.comparing((Instant[] run) -> run[0]));
		assertThat(runs).hasSize(2);
		assertThat(Duration.between(runs.get(0)[0], runs.get(0)[1])).as("longer than the 1 s lease")
			.isGreaterThan(Duration.ofSeconds(2));
		assertThat(runs.get(1)[0]).isAfterOrEqualTo(runs.get(0)[1]);
	}

	@Test
	void jobOfATypeThisVersionDoesNotKnowWaitsBeforeItIsDeclaredDead() {
		JobLedger ledger = ledger(this.aula);
		UUID fresh = UUID.randomUUID();
		UUID stale = UUID.randomUUID();
		Instant now = Instant.now();
		transactions(this.aula).executeWithoutResult((tx) -> {
			// As an instance of a newer version would have enqueued them.
			ledger.insert(fresh, JobRequest.of("test.from-a-newer-version", "x"), 3, now);
			ledger.insert(stale, JobRequest.of("test.from-a-newer-version", "y"), 3, now.minus(Duration.ofHours(2)));
		});
		JobRunner runner = this.aula.bean(JobRunner.class);

		runner.run(fresh, () -> false);
		runner.run(stale, () -> false);

		assertThat(ledger.find(fresh).orElseThrow().state()).isEqualTo(JobState.QUEUED);
		JobView dead = ledger.find(stale).orElseThrow();
		assertThat(dead.state()).isEqualTo(JobState.DEAD);
		assertThat(dead.lastError()).contains("No handler for job type test.from-a-newer-version");
	}

	@Test
	void jobOfAStoppedWorkerIsFinishedOnceByAnotherInstance() {
		String payload = unique();
		RunningAula doomed = startInstance(Map.of());
		UUID id;
		try (RunningAula idle = startInstance(Map.of("aula.jobs.worker.enabled", "false"))) {
			// Only the doomed instance has a worker while the job starts.
			pauseWorker(this.aula);
			id = enqueue(idle, JobRequest.of("test.block", payload));
			await().atMost(PATIENCE).until(() -> JobProbe.startsOf(payload) == 1);
			resumeWorker(this.aula);

			doomed.close();

			JobView done = awaitState(id, JobState.SUCCEEDED);
			assertThat(JobProbe.startsOf(payload)).isEqualTo(2);
			assertThat(JobProbe.effectsOf(payload)).isEqualTo(1);
			assertThat(done.attempts()).as("a hand-over on shutdown is not a failed attempt").isEqualTo(1);
		}
	}

	@Test
	void jobOfAHungWorkerIsTakenOverAfterItsHeartbeatStops() {
		String payload = "stubborn:" + unique();
		RunningAula hung = startInstance(Map.of());
		pauseWorker(this.aula);
		UUID id = enqueue(hung, JobRequest.of("test.block", payload));
		await().atMost(PATIENCE).until(() -> JobProbe.startsOf(payload) == 1);
		resumeWorker(this.aula);

		// The handler ignores the interrupt: the instance goes away with the job still
		// running, and its heartbeats stop.
		hung.close();

		JobView done = awaitState(id, JobState.SUCCEEDED);
		assertThat(JobProbe.startsOf(payload)).isEqualTo(2);
		assertThat(JobProbe.effectsOf(payload)).isEqualTo(1);
		assertThat(done.attempts()).isEqualTo(2);
		JobProbe.releases.get(payload).countDown();
	}

	@Test
	void recurringJobRunsOncePerTickAcrossInstances() throws InterruptedException {
		Map<String, String> everySecond = Map.of("test.ticker.cron", "* * * * * *");
		try (RunningAula first = startInstance(everySecond); RunningAula second = startInstance(everySecond)) {
			Instant from = Instant.now();
			Thread.sleep(5_000);
			Instant to = Instant.now();

			long ticks = jdbc(first)
				.sql("select count(*) from jobs where type = 'test.tick' and created_at between :from and :to")
				.param("from", java.time.OffsetDateTime.ofInstant(from, java.time.ZoneOffset.UTC))
				.param("to", java.time.OffsetDateTime.ofInstant(to, java.time.ZoneOffset.UTC))
				.query(Long.class)
				.single();
			assertThat(ticks).as("one job per second, not one per instance").isBetween(3L, 6L);
			assertThat(duplicateTicks(first) + duplicateTicks(second)).isZero();
			assertThat(jdbc(first).sql("select count(*) from scheduled_tasks where task_name = 'recurring:test.ticker'")
				.query(Long.class)
				.single()).isEqualTo(1);
		}
	}

	private static double duplicateTicks(RunningAula instance) {
		var counter = instance.bean(MeterRegistry.class).find("aula.jobs.recurring.duplicate-ticks").counter();
		return (counter != null) ? counter.count() : 0;
	}

	/**
	 * Keeps the long-lived instance from taking the job, so the test knows who runs it.
	 */
	private static void pauseWorker(RunningAula instance) {
		instance.bean(JobWorker.class).pause();
	}

	private static void resumeWorker(RunningAula instance) {
		instance.bean(JobWorker.class).resume();
	}

	JobView awaitState(UUID id, JobState state) {
		await().atMost(PATIENCE)
			.pollInterval(Duration.ofMillis(50))
			.until(() -> ledger(this.aula).find(id).map(JobView::state).orElse(null) == state);
		return ledger(this.aula).find(id).orElseThrow();
	}

	static UUID enqueue(RunningAula instance, JobRequest request) {
		return transactions(instance).execute((tx) -> instance.bean(Jobs.class).enqueue(request));
	}

	static TransactionTemplate transactions(RunningAula instance) {
		return new TransactionTemplate(instance.bean(PlatformTransactionManager.class));
	}

	static JobLedger ledger(RunningAula instance) {
		return instance.bean(JobLedger.class);
	}

	static JdbcClient jdbc(RunningAula instance) {
		return instance.bean(JdbcClient.class);
	}

	static String[] admin() {
		return new String[] { "Authorization", "Bearer " + TestTokens.accessToken("ADMIN") };
	}

	static List<String> ids(JsonNode items) {
		List<String> ids = new ArrayList<>();
		items.forEach((item) -> ids.add(item.get("id").asString()));
		return ids;
	}

	static String unique() {
		return UUID.randomUUID().toString();
	}

}
