package org.aula.platform.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.aula.testsupport.EmbeddedAulaTest;
import org.aula.testsupport.HttpApi;
import org.aula.testsupport.HttpApi.Response;
import org.aula.testsupport.RunningAula;
import org.junit.jupiter.api.Test;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Shutting down (what SIGTERM triggers) first turns readiness down, then lets in-flight
 * requests finish instead of cutting them off.
 */
class GracefulShutdownIT {

	@Test
	void finishesInFlightRequestAfterReadinessTurnsDown() throws Exception {
		RunningAula aula = RunningAula
			.start(Map.of("spring.datasource.url", EmbeddedAulaTest.H2_URL.replace("${random.uuid}", "graceful"),
					"spring.lifecycle.timeout-per-shutdown-phase", "10s"));
		List<String> timeline = new CopyOnWriteArrayList<>();
		aula.context().addApplicationListener((ApplicationListener<ApplicationEvent>) (event) -> {
			if (event instanceof AvailabilityChangeEvent<?> change
					&& change.getState() == ReadinessState.REFUSING_TRAFFIC) {
				timeline.add("readiness down");
			}
		});
		HttpApi http = aula.http();
		CompletableFuture<Response> inFlight = CompletableFuture.supplyAsync(() -> {
			Response response = http.get("/api/test/slow?millis=1500");
			timeline.add("in-flight answered");
			return response;
		});
		await().pollDelay(Duration.ofMillis(300)).until(() -> true);
		aula.close();
		timeline.add("closed");

		Response response = inFlight.get();
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("done");
		assertThat(timeline).containsExactly("readiness down", "in-flight answered", "closed");
	}

	@Test
	void keepsServingWithReadinessDownDuringTheDrainDelay() throws Exception {
		RunningAula aula = RunningAula.start(Map.of("spring.datasource.url",
				EmbeddedAulaTest.H2_URL.replace("${random.uuid}", "draining"), "aula.shutdown.drain-delay", "3s"));
		HttpApi http = aula.http();
		assertThat(http.get("/api/ready").status()).isEqualTo(200);

		CompletableFuture<Void> closing = CompletableFuture.runAsync(aula::close);
		await().atMost(Duration.ofSeconds(2)).until(() -> http.get("/api/ready").status() == 503);
		Response ready = http.get("/api/ready");
		assertThat(ready.json().get("checks").get("traffic").asString()).isEqualTo("DOWN");
		assertThat(http.get("/api/health").status()).as("still alive while draining").isEqualTo(200);

		closing.get();
	}

}
