package org.aula.catalog;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.aula.catalog.CatalogClient.User;
import org.aula.testsupport.HttpApi.Response;
import org.aula.testsupport.RunningAula;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog and learning modules together, with no stand-ins: a student finds a course,
 * enrols, reads its lessons, completes them and is graded, and the catalog sees the
 * enrolment.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CourseJourneyContract {

	RunningAula aula;

	CatalogClient client;

	abstract Map<String, String> modeSettings();

	@BeforeAll
	void start() {
		Map<String, String> settings = new HashMap<>(modeSettings());
		settings.put("aula.demo.enabled", "false");
		this.aula = RunningAula.start(settings);
		this.client = new CatalogClient(this.aula);
	}

	@AfterAll
	void stop() {
		if (this.aula != null) {
			this.aula.close();
		}
	}

	@Test
	void studentEnrolsReadsCompletesAndIsGraded() {
		User teacher = this.client.user("TEACHER");
		User student = this.client.user("STUDENT");
		String code = this.client.publishedCourse(teacher, "Algebra");
		String lesson = this.client.lesson(teacher, code, "Secret lesson text");

		Response before = this.client.get("/api/courses/" + code, student);
		assertThat(before.body()).doesNotContain("Secret lesson text");
		assertThat(this.client.get("/api/lessons/" + lesson, student).status()).isEqualTo(404);

		Response enrolled = enrol(code, student, "key-" + UUID.randomUUID());
		assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);

		assertThat(this.client.get("/api/courses/" + code, student).body()).contains("Secret lesson text");
		assertThat(this.client.get("/api/lessons/" + lesson, student).status()).isEqualTo(200);

		assertThat(this.client.send("PUT", "/api/lessons/" + lesson + "/completion", null, student).status())
			.isEqualTo(204);
		Response mine = this.client.get("/api/me/courses", student);
		assertThat(mine.json().findValuesAsString("code")).contains(code);
		assertThat(mine.json().findValue("progressPercent").asInt()).isEqualTo(100);

		Response graded = this.client.send("PUT", "/api/courses/" + code + "/grades/" + student.id(),
				"{\"score\":87.5,\"comment\":\"Good\"}", teacher);
		assertThat(graded.status()).as(graded.body()).isEqualTo(200);
		assertThat(this.client.get("/api/me/grades", student).body()).contains("87.5");
	}

	@Test
	void aCourseWithStudentsCannotBeDeleted() {
		User teacher = this.client.user("TEACHER");
		String code = this.client.publishedCourse(teacher, "Geometry");
		assertThat(enrol(code, this.client.user("STUDENT"), "key-" + UUID.randomUUID()).status()).isEqualTo(201);

		Response delete = this.client.delete("/api/courses/" + code, teacher);
		assertThat(delete.status()).isEqualTo(409);
		assertThat(delete.json().get("type").asString()).isEqualTo("urn:aula:problem:course-has-enrolments");
	}

	@Test
	void aPaidCourseRecordsOneSaleAndAReplayCreatesNothing() {
		User teacher = this.client.user("TEACHER");
		User student = this.client.user("STUDENT");
		String code = this.client.createCourse(teacher, "Calculus");
		assertThat(this.client.patch("/api/courses/" + code, "{\"price\":49.90,\"published\":true}", teacher).status())
			.isEqualTo(200);
		String key = "key-" + UUID.randomUUID();

		Response first = enrol(code, student, key);
		Response replay = enrol(code, student, key);

		assertThat(first.status()).as(first.body()).isEqualTo(201);
		assertThat(replay.status()).isEqualTo(201);
		assertThat(replay.body()).isEqualTo(first.body());
		assertThat(first.body()).contains("49.9");
		assertThat(this.client.jdbc
			.sql("SELECT COUNT(*) FROM sales s JOIN enrolments e ON e.id = s.enrolment_id WHERE e.student_id = ?")
			.param(student.id())
			.query(Long.class)
			.single()).isOne();
	}

	private Response enrol(String code, User student, String key) {
		return this.client.http.send(this.client.http.request("/api/courses/" + code + "/enrolments")
			.header("Authorization", "Bearer " + student.token())
			.header("Idempotency-Key", key)
			.header("Content-Type", "application/json")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")));
	}

}
