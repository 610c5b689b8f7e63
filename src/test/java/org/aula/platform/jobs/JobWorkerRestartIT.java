package org.aula.platform.jobs;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.aula.testsupport.EmbeddedAulaTest;
import org.aula.testsupport.RunningAula;
import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The worker is a lifecycle bean: stopped and started again (as a test framework pauses a
 * cached context, or an operator restarts one), it runs jobs as before.
 */
class JobWorkerRestartIT {

	static final Set<String> RAN = ConcurrentHashMap.newKeySet();

	@Test
	void workerStoppedAndStartedAgainRunsJobs() {
		try (RunningAula aula = RunningAula.start(
				Map.of("spring.datasource.url",
						EmbeddedAulaTest.H2_URL.replace("${random.uuid}", UUID.randomUUID().toString())),
				RecordingJob.class)) {
			aula.context().stop();
			aula.context().start();

			String payload = enqueue(aula);
			await().until(() -> RAN.contains(payload));
			JobLedger ledger = aula.bean(JobLedger.class);
			UUID id = jobId(aula, payload);
			await().until(() -> ledger.find(id).orElseThrow().state() == JobState.SUCCEEDED);
			assertThat(ledger.find(id).orElseThrow().attempts()).isEqualTo(1);
		}
	}

	private static String enqueue(RunningAula aula) {
		String payload = UUID.randomUUID().toString();
		new TransactionTemplate(aula.bean(PlatformTransactionManager.class))
			.executeWithoutResult((tx) -> aula.bean(Jobs.class).enqueue(JobRequest.of("test.record", payload)));
		return payload;
	}

	private static UUID jobId(RunningAula aula, String payload) {
		return aula.bean(JobLedger.class)
			.page(null, "test.record", 100, 0)
			.stream()
			.filter((job) -> job.payload().equals(payload))
			.findFirst()
			.orElseThrow()
			.id();
	}

	@Configuration(proxyBeanMethods = false)
	static class RecordingJob {

		@Bean
		JobHandler recordingHandler() {
			return new JobHandler() {

				@Override
				public String type() {
					return "test.record";
				}

				@Override
				public void run(JobContext job) {
					RAN.add(job.payload());
				}

			};
		}

	}

}
