package org.aula.learning;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.aula.catalog.CourseAccess;
import org.aula.catalog.CourseRef;
import org.aula.catalog.LessonRef;
import org.aula.learning.LearningClient.User;
import org.aula.testsupport.HttpApi.Response;
import org.aula.testsupport.RunningAula;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.aula.learning.LearningClient.newKey;
import static org.aula.learning.LearningClient.uniqueCode;
import static org.aula.learning.LearningClient.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Enrolments, purchases, progress and grades through real HTTP, run once on the embedded
 * mode and once on PostgreSQL and Redis: the behaviour must be the same.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LearningFlowsContract {

	RunningAula aula;

	LearningClient client;

	/** Settings of the mode under test, a fresh database each time it is called. */
	abstract Map<String, String> modeSettings();

	@BeforeAll
	void start() {
		this.aula = startAula(Map.of());
		this.client = new LearningClient(this.aula.http(), this.aula.bean(JdbcClient.class));
	}

	RunningAula startAula(Map<String, String> extra) {
		Map<String, String> settings = new LinkedHashMap<>(modeSettings());
		settings.put("aula.identity.self-registration", "true");
		settings.put("aula.demo.enabled", "false");
		settings.put("aula.identity.throttle.register-per-address", "1000");
		settings.put("aula.identity.throttle.login-attempts-per-address", "1000");
		settings.put("AULA_RATELIMIT_API_PER_MINUTE", "100000");
		settings.putAll(extra);
		return RunningAula.start(settings, InMemoryCourses.class, CompletedCourses.class);
	}

	@AfterAll
	void stop() {
		if (this.aula != null) {
			this.aula.close();
		}
	}

	@Test
	void enrolsInAFreeCourseAtOnce() {
		CourseRef course = InMemoryCourses.addCourse(uniqueCode(), UUID.randomUUID(), "0", true);
		User student = user("STUDENT");

		Response response = this.client.enrol(student, course.code(), newKey());

		assertThat(response.status()).as(response.body()).isEqualTo(201);
		JsonNode body = response.json();
		assertThat(body.get("source").asString()).isEqualTo("FREE");
		assertThat(body.get("status").asString()).isEqualTo("ACTIVE");
		assertThat(body.get("courseCode").asString()).isEqualTo(course.code());
		assertThat(body.get("sale").isNull()).isTrue();
		assertThat(this.client.sales(student)).isZero();
		assertThat(this.aula.bean(CourseAccess.class).isEnrolled(student.id(), course.id())).isTrue();
		assertThat(this.aula.bean(CourseAccess.class).hasEnrolments(course.id())).isTrue();
	}

	@Test
	void buyingAPaidCourseRecordsOneSale() {
		CourseRef course = InMemoryCourses.addCourse(uniqueCode(), UUID.randomUUID(), "49.90", true);
		User student = user("STUDENT");

		Response response = this.client.enrol(student, course.code(), newKey(), "{\"paymentToken\":\"tok_1\"}");

		assertThat(response.status()).as(response.body()).isEqualTo(201);
		JsonNode body = response.json();
		assertThat(body.get("source").asString()).isEqualTo("PURCHASE");
		assertThat(body.get("sale").get("amount").decimalValue()).isEqualByComparingTo("49.90");
		assertThat(body.get("sale").get("currency").asString()).isEqualTo("EUR");
		assertThat(body.get("sale").get("provider").asString()).isEqualTo("manual");
		assertThat(body.get("sale").get("providerReference").asString()).startsWith("manual-");
		assertThat(this.client.enrolments(student)).isOne();
		assertThat(this.client.sales(student)).isOne();
	}

	@Test
	void replayingAKeyReturnsTheFirstResponseAndCreatesNothing() {
		CourseRef course = InMemoryCourses.addCourse(uniqueCode(), UUID.randomUUID(), "10.00", true);
		User student = user("STUDENT");
		String key = newKey();

		Response first = this.client.enrol(student, course.code(), key);
		Response replay = this.client.enrol(student, course.code(), key);

		assertThat(first.status()).as(first.body()).isEqualTo(201);
		assertThat(replay.status()).isEqualTo(201);
		assertThat(replay.body()).isEqualTo(first.body());
		assertThat(first.header("Idempotent-Replayed")).isEqualTo("false");
		assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(this.client.enrolments(student)).isOne();
		assertThat(this.client.sales(student)).isOne();
	}

	@Test
	void aKeyIsTheCallersOwn() {
		CourseRef course = InMemoryCourses.addCourse(uniqueCode(), UUID.randomUUID(), "0", true);
		String key = newKey();
		User ana = user("STUDENT");
		User ben = user("STUDENT");

		assertThat(this.client.enrol(ana, course.code(), key).status()).isEqualTo(201);
		Response bens = this.client.enrol(ben, course.code(), key);

		assertThat(bens.status()).as(bens.body()).isEqualTo(201);
		assertThat(bens.json().get("studentId").asString()).isEqualTo(ben.id().toString());
	}

	@Test
	void reusingAKeyForAnotherRequestIsRefused() {
		CourseRef course = InMemoryCourses.addCourse(uniqueCode(), UUID.randomUUID(), "10.00", true);
		CourseRef other = InMemoryCourses.addCourse(uniqueCode(), UUID.randomUUID(), "0", true);
		User student = user("STUDENT");
		String key = newKey();
		assertThat(this.client.enrol(student, course.code(), key).status()).isEqualTo(201);

		Response otherBody = this.client.enrol(student, course.code(), key, "{\"paymentToken\":\"tok_2\"}");
		Response otherCourse = this.client.enrol(student, other.code(), key);

		assertThat(otherBody.status()).isEqualTo(422);
		assertThat(otherBody.contentType()).startsWith("application/problem+json");
		assertThat(otherBody.json().get("type").asString()).isEqualTo("urn:aula:problem:idempotency-key-reused");
		assertThat(otherCourse.status()).isEqualTo(422);
		assertThat(this.client.enrolments(student)).isOne();
		assertThat(this.client.sales(student)).isOne();
	}

	@Test
	void anEnrolmentWithoutAUsableKeyIsRefused() {
		CourseRef course = InMemoryCourses.addCourse(uniqueCode(), UUID.randomUUID(), "0", true);
		User student = user("STUDENT");

		Response missing = this.client.enrol(student, course.code(), null);
		Response malformed = this.client.enrol(student, course.code(), "not a key!");
		Response tooLong = this.client.enrol(student, course.code(), "k".repeat(101));

		for (Response response : List.of(missing, malformed, tooLong)) {
			assertThat(response.status()).as(response.body()).isEqualTo(400);
			assertThat(response.json().get("type").asString()).isEqualTo("urn:aula:problem:validation-failed");
			assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
		}
		assertThat(this.client.enrolments(student)).isZero();
	}

	@Test
	void enrollingTwiceWithANewKeyIsAConflict() {
		CourseRef course = InMemoryCourses.addCourse(uniqueCode(), UUID.randomUUID(), "10.00", true);
		User student = user("STUDENT");
		this.client.enrolled(student, course.code());

		Response again = this.client.enrol(student, course.code(), newKey());

		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("type").asString()).isEqualTo("urn:aula:problem:already-enrolled");
		assertThat(this.client.sales(student)).isOne();
	}

	@Test
	void unknownAndUnpublishedCoursesCannotBeJoined() {
		CourseRef draft = InMemoryCourses.addCourse(uniqueCode(), UUID.randomUUID(), "0", false);
		User student = user("STUDENT");

		assertThat(this.client.enrol(student, draft.code(), newKey()).status()).isEqualTo(404);
		assertThat(this.client.enrol(student, uniqueCode(), newKey()).status()).isEqualTo(404);
		assertThat(this.client.enrol(user("TEACHER"), draft.code(), newKey()).status()).isEqualTo(403);
		assertThat(this.client.enrolments(student)).isZero();
	}

	@Test
	void aDeclinedPaymentCreatesNothing() {
		try (RunningAula declining = startAula(Map.of("aula.payments.manual.decline", "true"))) {
			LearningClient declined = new LearningClient(declining.http(), declining.bean(JdbcClient.class));
			CourseRef course = InMemoryCourses.addCourse(uniqueCode(), UUID.randomUUID(), "10.00", true);
			User student = user("STUDENT");
			String key = newKey();

			Response response = declined.enrol(student, course.code(), key);

			assertThat(response.status()).as(response.body()).isEqualTo(402);
			assertThat(response.json().get("type").asString()).isEqualTo("urn:aula:problem:payment-declined");
			assertThat(declined.enrolments(student)).isZero();
			assertThat(declined.sales(student)).isZero();
			assertThat(declined.count("SELECT COUNT(*) FROM idempotency_keys WHERE caller_id = ?", student.id()))
				.isZero();
		}
	}

	@Test
	void concurrentDuplicatesWithOneKeyCreateOneEnrolmentAndOneSale() throws Exception {
		CourseRef course = InMemoryCourses.addCourse(uniqueCode(), UUID.randomUUID(), "25.00", true);
		User student = user("STUDENT");
		String key = newKey();

		List<Response> responses = concurrently(10, () -> this.client.enrol(student, course.code(), key));

		assertThat(responses).extracting(Response::status).containsOnly(201);
		assertThat(responses).extracting(Response::body).containsOnly(responses.get(0).body());
		assertThat(this.client.enrolments(student)).isOne();
		assertThat(this.client.sales(student)).isOne();
	}

	@Test
	void concurrentPurchasesUnderDifferentKeysChargeOnce() throws Exception {
		CourseRef course = InMemoryCourses.addCourse(uniqueCode(), UUID.randomUUID(), "25.00", true);
		User student = user("STUDENT");

		List<Response> responses = concurrently(10, () -> this.client.enrol(student, course.code(), newKey()));

		assertThat(responses).extracting(Response::status).containsOnly(201, 409);
		assertThat(responses).filteredOn((response) -> response.status() == 201).hasSize(1);
		assertThat(this.client.enrolments(student)).isOne();
		assertThat(this.client.sales(student)).isOne();
	}

	@Test
	void progressCountsCompletedLessonsOnce() {
		CourseRef course = InMemoryCourses.addCourse(uniqueCode(), UUID.randomUUID(), "0", true);
		List<LessonRef> lessons = List.of(InMemoryCourses.addLesson(course, 1, 1),
				InMemoryCourses.addLesson(course, 1, 2), InMemoryCourses.addLesson(course, 2, 1));
		User student = user("STUDENT");
		this.client.enrolled(student, course.code());
		assertThat(myCourse(student, course).get("progressPercent").asInt()).isZero();

		assertThat(this.client.complete(student, lessons.get(0).id()).status()).isEqualTo(204);
		assertThat(this.client.complete(student, lessons.get(0).id()).status()).isEqualTo(204);

		JsonNode mine = myCourse(student, course);
		assertThat(mine.get("progressPercent").asInt()).isEqualTo(33);
		assertThat(mine.get("completedLessons").asInt()).isOne();
		assertThat(mine.get("totalLessons").asInt()).isEqualTo(3);
		assertThat(mine.get("title").asString()).isEqualTo(course.title());
		assertThat(mine.get("lastActivityAt").asString()).isNotBlank();
		assertThat(this.client.count("SELECT COUNT(*) FROM lesson_completions WHERE student_id = ?", student.id()))
			.isOne();
	}

	@Test
	void completingTheLastLessonPublishesCourseCompletedOnce() {
		CourseRef course = InMemoryCourses.addCourse(uniqueCode(), UUID.randomUUID(), "0", true);
		LessonRef first = InMemoryCourses.addLesson(course, 1, 1);
		LessonRef last = InMemoryCourses.addLesson(course, 1, 2);
		User student = user("STUDENT");
		this.client.enrolled(student, course.code());

		this.client.complete(student, first.id());
		this.client.complete(student, last.id());
		this.client.complete(student, last.id());
		this.client.complete(student, first.id());

		CompletedCourses listener = this.aula.bean(CompletedCourses.class);
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(
					() -> assertThat(listener.received()).filteredOn((event) -> event.studentId().equals(student.id()))
						.singleElement()
						.satisfies((event) -> assertThat(event.courseId()).isEqualTo(course.id())));
		assertThat(this.client.count(
				"SELECT COUNT(*) FROM event_publication WHERE event_type = ? AND serialized_event LIKE ?",
				CourseCompleted.class.getName(), "%" + student.id() + "%"))
			.isOne();
		assertThat(myCourse(student, course).get("progressPercent").asInt()).isEqualTo(100);
		assertThat(myCourse(student, course).get("completedAt").isNull()).isFalse();
	}

	@Test
	void onlyEnrolledStudentsCompleteLessons() {
		CourseRef course = InMemoryCourses.addCourse(uniqueCode(), UUID.randomUUID(), "0", true);
		LessonRef lesson = InMemoryCourses.addLesson(course, 1, 1);
		User outsider = user("STUDENT");

		Response notEnrolled = this.client.complete(outsider, lesson.id());
		Response unknown = this.client.complete(outsider, UUID.randomUUID());

		assertThat(notEnrolled.status()).isEqualTo(404);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(notEnrolled.json().get("detail")).isEqualTo(unknown.json().get("detail"));
		assertThat(this.client.count("SELECT COUNT(*) FROM lesson_completions WHERE student_id = ?", outsider.id()))
			.isZero();
	}

	@Test
	void aStudentSeesOnlyTheirOwnCoursesAndGrades() {
		User teacher = user("TEACHER");
		CourseRef course = InMemoryCourses.addCourse(uniqueCode(), teacher.id(), "0", true);
		LessonRef lesson = InMemoryCourses.addLesson(course, 1, 1);
		User ana = user("STUDENT");
		User ben = user("STUDENT");
		this.client.enrolled(ana, course.code());
		this.client.complete(ana, lesson.id());
		assertThat(setGrade(teacher, course, ana, "{\"score\":80}").status()).isEqualTo(200);

		assertThat(this.client.get("/api/me/courses", ben).json()).isEmpty();
		assertThat(this.client.get("/api/me/grades", ben).json()).isEmpty();
		assertThat(this.client.complete(ben, lesson.id()).status()).isEqualTo(404);
		Response anasGrades = this.client.get("/api/courses/" + course.code() + "/grades", ben);
		Response unknownCourse = this.client.get("/api/courses/" + uniqueCode() + "/grades", ben);
		assertThat(anasGrades.status()).isEqualTo(404);
		assertThat(anasGrades.json().get("detail")).isEqualTo(unknownCourse.json().get("detail"));
		assertThat(setGrade(ana, course, ana, "{\"score\":100}").status()).as("grading oneself").isEqualTo(404);
		assertThat(setGrade(ben, course, ana, "{\"score\":0}").status()).isEqualTo(404);
		assertThat(this.client.get("/api/me/grades", ana).json().get(0).get("score").decimalValue())
			.isEqualByComparingTo("80");
	}

	@Test
	void theCourseTeacherGradesAndReadsGrades() {
		User teacher = user("TEACHER");
		CourseRef course = InMemoryCourses.addCourse(uniqueCode(), teacher.id(), "0", true);
		User student = user("STUDENT");
		this.client.enrolled(student, course.code());

		Response courseGrade = setGrade(teacher, course, student, "{\"score\":72.5,\"comment\":\"Good\"}");
		Response moduleGrade = setGrade(teacher, course, student, "{\"score\":90,\"module\":2}");
		Response regraded = setGrade(teacher, course, student, "{\"score\":75,\"comment\":\"Better\"}");

		assertThat(courseGrade.status()).as(courseGrade.body()).isEqualTo(200);
		assertThat(moduleGrade.json().get("module").asInt()).isEqualTo(2);
		assertThat(regraded.json().get("score").decimalValue()).isEqualByComparingTo("75");
		assertThat(regraded.json().get("module").isNull()).isTrue();
		JsonNode listed = this.client.get("/api/courses/" + course.code() + "/grades", teacher).json();
		assertThat(listed).hasSize(2);
		assertThat(this.client.count("SELECT COUNT(*) FROM grades WHERE student_id = ?", student.id())).isEqualTo(2);
		JsonNode mine = this.client.get("/api/me/grades", student).json();
		assertThat(mine).hasSize(2);
		assertThat(mine.get(0).get("courseCode").asString()).isEqualTo(course.code());
		JsonNode audited = audit("grade.set", teacher);
		assertThat(audited.get("totalItems").asInt()).isEqualTo(3);
		assertThat(audited.get("items").get(0).get("entityType").asString()).isEqualTo("grade");
	}

	@Test
	void theCourseListNamesEachStudentByNameAndEmail() {
		User teacher = user("TEACHER");
		CourseRef course = InMemoryCourses.addCourse(uniqueCode(), teacher.id(), "0", true);
		User student = user("STUDENT");
		String email = student.id() + "@students.aula";
		this.aula.bean(JdbcClient.class)
			.sql("INSERT INTO users (id, email, full_name, role, active, registered, created_at)"
					+ " VALUES (?, ?, 'Rosa Parks', 'STUDENT', TRUE, TRUE, ?)")
			.params(student.id(), email, OffsetDateTime.now())
			.update();
		this.client.enrolled(student, course.code());

		JsonNode students = this.client.get("/api/courses/" + course.code() + "/enrolments", teacher).json();

		assertThat(students).singleElement().satisfies((node) -> {
			assertThat(node.get("fullName").asString()).isEqualTo("Rosa Parks");
			assertThat(node.get("email").asString()).isEqualTo(email);
		});
	}

	@Test
	void anotherTeacherSeesNeitherStudentsNorGrades() {
		User teacher = user("TEACHER");
		User other = user("TEACHER");
		CourseRef course = InMemoryCourses.addCourse(uniqueCode(), teacher.id(), "0", true);
		User student = user("STUDENT");
		this.client.enrolled(student, course.code());

		assertThat(setGrade(other, course, student, "{\"score\":10}").status()).isEqualTo(404);
		assertThat(this.client.get("/api/courses/" + course.code() + "/enrolments", other).status()).isEqualTo(404);
		assertThat(this.client.get("/api/courses/" + course.code() + "/enrolments", student).status()).isEqualTo(404);
		JsonNode students = this.client.get("/api/courses/" + course.code() + "/enrolments", teacher).json();
		assertThat(students).singleElement()
			.satisfies((node) -> assertThat(node.get("studentId").asString()).isEqualTo(student.id().toString()));
		assertThat(this.client.get("/api/courses/" + course.code() + "/grades", other).status()).isEqualTo(404);
		assertThat(setGrade(user("ADMIN"), course, student, "{\"score\":55}").status()).isEqualTo(200);
		assertThat(this.client.get("/api/courses/" + course.code() + "/grades", user("ADMIN")).json()).hasSize(1);
	}

	@Test
	void gradesNeedAnEnrolledStudentAndAValidScore() {
		User teacher = user("TEACHER");
		CourseRef course = InMemoryCourses.addCourse(uniqueCode(), teacher.id(), "0", true);
		User student = user("STUDENT");
		this.client.enrolled(student, course.code());

		assertThat(setGrade(teacher, course, user("STUDENT"), "{\"score\":50}").status()).isEqualTo(404);
		for (String invalid : List.of("{\"score\":100.01}", "{\"score\":-1}", "{\"score\":1.234}", "{}",
				"{\"score\":50,\"module\":0}")) {
			Response response = setGrade(teacher, course, student, invalid);
			assertThat(response.status()).as(invalid).isEqualTo(400);
		}
		assertThat(this.client.count("SELECT COUNT(*) FROM grades WHERE course_id = ?", course.id())).isZero();
	}

	@Test
	void anAdminEnrolsAStudentAndItIsAudited() {
		User admin = user("ADMIN");
		UUID studentId = registeredStudent();
		CourseRef course = InMemoryCourses.addCourse(uniqueCode(), UUID.randomUUID(), "99.00", false);
		String body = "{\"studentId\":\"%s\",\"courseCode\":\"%s\"}".formatted(studentId, course.code());

		Response created = this.client.post("/api/admin/enrolments", body, admin);
		Response again = this.client.post("/api/admin/enrolments", body, admin);

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().get("source").asString()).isEqualTo("ADMIN");
		assertThat(again.status()).isEqualTo(409);
		assertThat(this.client.count(
				"SELECT COUNT(*) FROM sales s JOIN enrolments e ON e.id = s.enrolment_id" + " WHERE e.student_id = ?",
				studentId))
			.isZero();
		JsonNode audited = audit("enrolment.admin-create", admin);
		assertThat(audited.get("totalItems").asInt()).isOne();
		assertThat(audited.get("items").get(0).get("entityId").asString())
			.isEqualTo(created.json().get("id").asString());
		assertThat(this.client
			.post("/api/admin/enrolments",
					"{\"studentId\":\"%s\",\"courseCode\":\"%s\"}".formatted(UUID.randomUUID(), course.code()), admin)
			.status()).isEqualTo(404);
		assertThat(this.client.post("/api/admin/enrolments", body, user("STUDENT")).status()).isEqualTo(403);
	}

	private JsonNode audit(String action, User actor) {
		Response response = this.client.get("/api/admin/audit?action=" + action + "&actor=" + actor.id(),
				user("ADMIN"));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private Response setGrade(User grader, CourseRef course, User student, String json) {
		return this.client.put("/api/courses/" + course.code() + "/grades/" + student.id(), json, grader);
	}

	private JsonNode myCourse(User student, CourseRef course) {
		Response response = this.client.get("/api/me/courses", student);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		for (JsonNode node : response.json()) {
			if (node.get("code").asString().equals(course.code())) {
				return node;
			}
		}
		throw new AssertionError("Course " + course.code() + " not in " + response.body());
	}

	private UUID registeredStudent() {
		String email = "student-" + UUID.randomUUID() + "@test.aula";
		Response registered = this.client.http.postJson("/api/auth/register",
				"{\"email\":\"%s\",\"password\":\"correct-horse-battery\",\"fullName\":\"Test Student\"}"
					.formatted(email));
		assertThat(registered.status()).as(registered.body()).isEqualTo(201);
		Response login = this.client.http.postJson("/api/auth/login",
				"{\"email\":\"%s\",\"password\":\"correct-horse-battery\"}".formatted(email));
		String token = login.json().get("accessToken").asString();
		return UUID.fromString(
				this.client.http.get("/api/me", "Authorization", "Bearer " + token).json().get("id").asString());
	}

	static List<Response> concurrently(int threads, Callable<Response> call) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(threads);
			List<Future<Response>> futures = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				futures.add(pool.submit(() -> {
					ready.countDown();
					ready.await();
					return call.call();
				}));
			}
			List<Response> responses = new ArrayList<>();
			for (Future<Response> future : futures) {
				responses.add(future.get());
			}
			return responses;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
