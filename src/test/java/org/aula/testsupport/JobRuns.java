package org.aula.testsupport;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.aula.platform.jobs.JobRequest;
import org.aula.platform.jobs.Jobs;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs background jobs of a running Aula the way production does: enqueued in a
 * transaction through {@link Jobs}, picked up by the instance's worker, and followed
 * through the admin API until they have succeeded.
 */
public final class JobRuns {

	private static final String ADMIN = "Bearer " + TestTokens.accessToken("ADMIN");

	private JobRuns() {
	}

	/**
	 * Enqueues a job and waits until it has succeeded.
	 * @param aula the instance, with its worker enabled
	 * @param type the job type
	 * @return the finished job as {@code GET /api/admin/jobs/{id}} shows it
	 */
	public static JsonNode runToSuccess(RunningAula aula, String type) {
		TransactionTemplate transactions = new TransactionTemplate(aula.bean(PlatformTransactionManager.class));
		UUID id = transactions.execute((status) -> aula.bean(Jobs.class).enqueue(JobRequest.of(type, "")));
		AtomicReference<JsonNode> job = new AtomicReference<>();
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
			HttpApi.Response response = aula.http().get("/api/admin/jobs/" + id, "Authorization", ADMIN);
			assertThat(response.status()).as(response.body()).isEqualTo(200);
			String state = response.json().get("state").asString();
			if (state.equals("RETRYING") || state.equals("DEAD")) {
				// Not an assertion error: fails the test at once instead of waiting.
				throw new IllegalStateException("Job " + type + " failed: " + response.body());
			}
			assertThat(state).isEqualTo("SUCCEEDED");
			job.set(response.json());
		});
		return job.get();
	}

	/**
	 * Whether a recurring job's schedule is stored, as every worker of the cluster sees
	 * it.
	 * @param aula any instance
	 * @param name the recurring job's name
	 * @return whether {@code scheduled_tasks} holds {@code recurring:<name>}
	 */
	public static boolean isScheduled(RunningAula aula, String name) {
		return aula.bean(JdbcClient.class)
			.sql("select count(*) from scheduled_tasks where task_name = :name")
			.param("name", "recurring:" + name)
			.query(Long.class)
			.single() == 1;
	}

}
