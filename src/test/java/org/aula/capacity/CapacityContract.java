package org.aula.capacity;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.aula.testsupport.HttpApi;
import org.aula.testsupport.HttpApi.Response;
import org.aula.testsupport.RunningAula;
import org.aula.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The capacity advice through real HTTP and the Prometheus scrape, once per mode: only
 * admins see it, it has every signal, signed-in users count as active users, and every
 * metric the Grafana dashboard queries is in the scrape.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CapacityContract {

	RunningAula aula;

	HttpApi http;

	/** Settings of the mode under test. */
	abstract Map<String, String> modeSettings();

	/** The stage the mode's configuration is at. */
	abstract int expectedStage();

	@BeforeAll
	void start() {
		Map<String, String> settings = new LinkedHashMap<>(modeSettings());
		settings.put("aula.demo.enabled", "false");
		settings.put("AULA_RATELIMIT_API_PER_MINUTE", "100000");
		// Every request sees a fresh evaluation, so a test sees what it just did.
		settings.put("aula.capacity.refresh", "0s");
		this.aula = RunningAula.start(settings);
		this.http = this.aula.http();
	}

	@AfterAll
	void stop() {
		if (this.aula != null) {
			this.aula.close();
		}
	}

	@Test
	void anAdminSeesEverySignalTheStageAndTheSteps() {
		Response response = capacity(TestTokens.accessToken("ADMIN"));

		assertThat(response.status()).isEqualTo(200);
		JsonNode advice = response.json();
		List<String> names = advice.get("signals")
			.valueStream()
			.map((signal) -> signal.get("name").asString())
			.toList();
		assertThat(names).containsExactly("active-users", "requests-per-second", "db-connections", "p95-latency",
				"memory", "cache-misses", "queued-jobs", "chat-sockets");
		for (JsonNode signal : advice.get("signals")) {
			assertThat(signal.get("value").isNumber()).as(signal.toString()).isTrue();
			assertThat(signal.get("unit").asString()).isNotBlank();
			assertThat(signal.get("warning").asDouble()).isLessThanOrEqualTo(signal.get("act").asDouble());
			assertThat(signal.get("state").asString()).isIn("ok", "warning", "act-now");
		}
		assertThat(advice.get("stage").asInt()).isEqualTo(expectedStage());
		int recommended = advice.get("recommendedStage").asInt();
		assertThat(recommended).isBetween(expectedStage(), expectedStage() + 1);
		assertThat(advice.get("steps").isArray()).isTrue();
		assertThat(advice.get("summary").asString()).isNotBlank();
		JsonNode pool = signal(advice, "db-connections");
		assertThat(pool.get("limit").asInt()).isEqualTo(10);
		assertThat(pool.get("act").asInt()).isEqualTo(10);
	}

	@Test
	void studentsTeachersAndAnonymousCallersAreRefused() {
		Response student = capacity(TestTokens.accessToken("STUDENT"));
		Response teacher = capacity(TestTokens.accessToken("TEACHER"));
		Response anonymous = this.http.get("/api/admin/capacity");

		assertThat(student.status()).isEqualTo(403);
		assertThat(student.contentType()).startsWith("application/problem+json");
		assertThat(teacher.status()).isEqualTo(403);
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.contentType()).startsWith("application/problem+json");
	}

	@Test
	void signedInUsersCountAsActiveUsersOncePerUser() {
		String admin = TestTokens.accessToken("ADMIN");
		double before = signal(capacity(admin).json(), "active-users").get("value").asDouble();

		for (int user = 0; user < 5; user++) {
			String token = TestTokens.accessToken(UUID.randomUUID(), "STUDENT");
			for (int request = 0; request < 3; request++) {
				this.http.get("/api/courses", "Authorization", "Bearer " + token);
			}
		}
		this.http.get("/api/courses");

		double after = signal(capacity(admin).json(), "active-users").get("value").asDouble();
		// HyperLogLog in Redis may be off by a user at this size; in memory it is exact
		assertThat(after - before).isBetween(4.0, 6.0);
	}

	@Test
	void prometheusShowsTheSignalsAndTheStage() {
		String scrape = this.http.get("/actuator/prometheus").body();

		assertThat(scrape).contains("aula_capacity_signal_value{signal=\"requests-per-second\"}")
			.contains("aula_capacity_signal_state{signal=\"db-connections\"}")
			.contains("aula_capacity_signal_warning{signal=\"p95-latency\"} 300.0")
			.contains("aula_capacity_signal_act{signal=\"active-users\"} 300.0")
			.contains("aula_capacity_stage " + expectedStage() + ".0")
			.contains("aula_capacity_recommended_stage ")
			.contains("aula_active_users ");
	}

	@Test
	void everyMetricTheDashboardQueriesIsInTheScrape() {
		// Meters that appear with their first use: a cache lookup, a request, a 404.
		this.http.get("/api/courses");
		this.http.get("/api/courses/NONE-1");
		String scrape = this.http.get("/actuator/prometheus").body();
		Set<String> scraped = new LinkedHashSet<>();
		for (String line : scrape.split("\n")) {
			if (!line.isBlank() && !line.startsWith("#")) {
				scraped.add(line.split("[{ ]", 2)[0]);
			}
		}
		GrafanaDashboard dashboard = GrafanaDashboard.read();

		assertThat(dashboard.metricNames()).hasSizeGreaterThanOrEqualTo(10);
		assertThat(scraped).containsAll(dashboard.metricNames());
		dashboard.exactMatchers().forEach((metric, matchers) -> {
			for (String matcher : matchers) {
				assertThat(scrape).as(metric + "{" + matcher + "}")
					.containsPattern("(?m)^" + metric + "\\{[^}]*" + matcher);
			}
		});
	}

	private Response capacity(String token) {
		return this.http.get("/api/admin/capacity", "Authorization", "Bearer " + token);
	}

	private static JsonNode signal(JsonNode advice, String name) {
		for (JsonNode signal : advice.get("signals")) {
			if (signal.get("name").asString().equals(name)) {
				return signal;
			}
		}
		throw new AssertionError("no signal " + name + " in " + advice);
	}

}
