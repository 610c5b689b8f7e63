package org.aula.reports;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.aula.catalog.CourseRef;
import org.aula.testsupport.EmbeddedAulaTest;
import org.aula.testsupport.HttpApi;
import org.aula.testsupport.HttpApi.Response;
import org.aula.testsupport.RunningAula;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import static org.aula.reports.SalesReportsContract.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The refresh schedule on its own: every two seconds here, and nobody asks for a refresh,
 * yet a purchase reaches the report.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScheduledSalesRefreshIT {

	RunningAula aula;

	HttpApi http;

	String admin;

	@BeforeAll
	void start() {
		this.aula = RunningAula.start(
				Map.of("spring.datasource.url",
						EmbeddedAulaTest.H2_URL.replace("${random.uuid}", UUID.randomUUID().toString()),
						"aula.demo.enabled", "false", "aula.reports.refresh-cron", "*/2 * * * * *"),
				ReportCourses.class);
		this.http = this.aula.http();
		this.admin = token("ADMIN");
	}

	@AfterAll
	void stop() {
		if (this.aula != null) {
			this.aula.close();
		}
	}

	@Test
	void theScheduleRefreshesTheRecentDaysByItself() {
		CourseRef course = ReportCourses.add("Scheduled", "7.00", "EUR");
		Response bought = this.http.send(this.http.request("/api/courses/" + course.code() + "/enrolments")
			.header("Authorization", "Bearer " + token("STUDENT"))
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.POST(HttpRequest.BodyPublishers.ofString("{}")));
		assertThat(bought.status()).as(bought.body()).isEqualTo(201);

		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			JsonNode report = get("/api/admin/reports/sales?course=" + course.id()).json();
			assertThat(SalesReportsContract.revenueByCurrency(report)).containsExactly(Map.entry("EUR", "1:7.00"));
		});
		JsonNode jobs = get("/api/admin/jobs?type=reports.refresh&state=succeeded").json();
		assertThat(jobs.get("items").get(0).get("payload").asString()).isEqualTo("{}");
		assertThat(jobs.get("items").get(0).get("serialKey").asString()).isEqualTo("reports.sales");
	}

	private Response get(String path) {
		Response response = this.http.get(path, "Authorization", "Bearer " + this.admin);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response;
	}

}
