package org.aula.catalog;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.aula.catalog.CatalogClient.User;
import org.aula.testsupport.HttpApi.Response;
import org.aula.testsupport.RunningAula;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Courses, modules and lessons through real HTTP, run on the embedded mode and on
 * PostgreSQL and Redis: the behaviour must be the same.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CatalogContract {

	RunningAula aula;

	CatalogClient client;

	ControlledCourseAccess enrolments;

	User teacher;

	User otherTeacher;

	User student;

	User admin;

	/** Settings of the mode under test; the common ones are added. */
	abstract Map<String, String> modeSettings();

	@BeforeAll
	void start() throws Exception {
		Map<String, String> settings = new LinkedHashMap<>(modeSettings());
		settings.put("spring.main.sources", ControlledCourseAccess.class.getName());
		settings.put("aula.demo.enabled", "false");
		settings.put("aula.media.directory", java.nio.file.Files.createTempDirectory("aula-media").toString());
		settings.put("AULA_RATELIMIT_API_PER_MINUTE", "100000");
		this.aula = RunningAula.start(settings);
		this.client = new CatalogClient(this.aula);
		this.enrolments = this.aula.bean(ControlledCourseAccess.class);
		this.teacher = this.client.user("TEACHER");
		this.otherTeacher = this.client.user("TEACHER");
		this.student = this.client.user("STUDENT");
		this.admin = this.client.user("ADMIN");
	}

	@AfterAll
	void stop() {
		if (this.aula != null) {
			this.aula.close();
		}
	}

	@Test
	void teacherCreatesAnUnpublishedCourseThatOnlyTheOwnerAndAdminsSee() {
		String code = CatalogClient.uniqueCode();
		Response created = this.client.post("/api/courses",
				"{\"code\":\"%s\",\"title\":\"Algebra\",\"description\":\"Equations\",\"price\":19.9}".formatted(code),
				this.teacher);

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.header("Location")).isEqualTo("/api/courses/" + code);
		JsonNode course = created.json();
		assertThat(course.get("published").asBoolean()).isFalse();
		assertThat(course.get("teacherId").asString()).isEqualTo(this.teacher.id().toString());
		assertThat(course.get("price").decimalValue()).isEqualByComparingTo(new BigDecimal("19.90"));
		assertThat(course.get("currency").asString()).isEqualTo("USD");
		assertThat(this.client.get("/api/courses/" + code, null).status()).isEqualTo(404);
		assertThat(this.client.get("/api/courses/" + code, this.student).status()).isEqualTo(404);
		assertThat(this.client.get("/api/courses/" + code, this.otherTeacher).status()).isEqualTo(404);
		assertThat(this.client.get("/api/courses/" + code, this.teacher).status()).isEqualTo(200);
		assertThat(this.client.get("/api/courses/" + code, this.admin).status()).isEqualTo(200);
		assertThat(this.client.auditRows("course.create", course.get("id").asString())).isOne();
	}

	@Test
	void publishingShowsTheCourseToEveryoneAndUnpublishingHidesItAgain() {
		String code = this.client.createCourse(this.teacher, "Geometry");
		String id = this.client.courseId(code).toString();

		assertThat(this.client.patch("/api/courses/" + code, "{\"published\":true}", this.teacher).status())
			.isEqualTo(200);
		assertThat(this.client.get("/api/courses/" + code, null).status()).isEqualTo(200);
		assertThat(listedCodes("?q=" + code)).containsExactly(code);

		assertThat(this.client.patch("/api/courses/" + code, "{\"published\":false}", this.admin).status())
			.isEqualTo(200);
		assertThat(this.client.get("/api/courses/" + code, null).status()).isEqualTo(404);
		assertThat(listedCodes("?q=" + code)).isEmpty();
		assertThat(this.client.auditRows("course.publish", id)).isOne();
		assertThat(this.client.auditRows("course.unpublish", id)).isOne();
	}

	@Test
	void anotherTeacherIsToldTheCourseDoesNotExistAndStudentsMayNotEdit() {
		String code = this.client.publishedCourse(this.teacher, "Chemistry");

		assertThat(this.client.patch("/api/courses/" + code, "{\"title\":\"Mine now\"}", this.otherTeacher).status())
			.isEqualTo(404);
		assertThat(this.client.delete("/api/courses/" + code, this.otherTeacher).status()).isEqualTo(404);
		assertThat(
				this.client.post("/api/courses/" + code + "/modules", "{\"title\":\"X\"}", this.otherTeacher).status())
			.isEqualTo(404);
		assertThat(this.client.patch("/api/courses/" + code, "{\"title\":\"Mine now\"}", this.student).status())
			.isEqualTo(403);
		assertThat(this.client.post("/api/courses", "{\"code\":\"STU-1\",\"title\":\"S\"}", this.student).status())
			.isEqualTo(403);
		assertThat(this.client.post("/api/courses", "{\"code\":\"ANO-1\",\"title\":\"A\"}", null).status())
			.isEqualTo(401);
		assertThat(this.client.get("/api/courses/" + code, null).json().get("title").asString()).isEqualTo("Chemistry");

		Response byAdmin = this.client.patch("/api/courses/" + code, "{\"title\":\"Organic chemistry\"}", this.admin);
		assertThat(byAdmin.status()).isEqualTo(200);
		assertThat(this.client.get("/api/courses/" + code, null).json().get("title").asString())
			.isEqualTo("Organic chemistry");
	}

	@Test
	void adminCreatesACourseForATeacherButATeacherCannot() {
		String code = CatalogClient.uniqueCode();
		Response created = this.client.post("/api/courses",
				"{\"code\":\"%s\",\"title\":\"Physics\",\"teacherId\":\"%s\"}".formatted(code, this.teacher.id()),
				this.admin);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(this.client.patch("/api/courses/" + code, "{\"title\":\"Physics I\"}", this.teacher).status())
			.isEqualTo(200);

		Response forOther = this.client.post("/api/courses", "{\"code\":\"%s\",\"title\":\"P\",\"teacherId\":\"%s\"}"
			.formatted(CatalogClient.uniqueCode(), this.otherTeacher.id()), this.teacher);
		assertThat(forOther.status()).isEqualTo(400);
		Response forStudent = this.client.post("/api/courses", "{\"code\":\"%s\",\"title\":\"P\",\"teacherId\":\"%s\"}"
			.formatted(CatalogClient.uniqueCode(), this.student.id()), this.admin);
		assertThat(forStudent.status()).isEqualTo(400);
		assertThat(forStudent.json().get("errors").findValuesAsString("field")).containsExactly("teacherId");
	}

	@Test
	void rejectsInvalidCoursesWithFieldErrorsAndChangesNothing() {
		Response invalid = this.client.post("/api/courses",
				"{\"code\":\"mat101\",\"title\":\" \",\"price\":-1,\"currency\":\"XYZ\"}", this.teacher);
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.json().get("type").asString()).isEqualTo("urn:aula:problem:validation-failed");
		assertThat(invalid.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("code", "title",
				"price", "currency");
		assertThat(
				this.client.post("/api/courses", "{\"code\":\"ABC-1\",\"title\":\"T\",\"price\":1.005}", this.teacher)
					.status())
			.isEqualTo(400);
		assertThat(this.client.post("/api/courses", "{\"code\":", this.teacher).status()).isEqualTo(400);

		String code = this.client.createCourse(this.teacher, "Biology");
		Response duplicate = this.client.post("/api/courses", "{\"code\":\"%s\",\"title\":\"Other\"}".formatted(code),
				this.otherTeacher);
		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(duplicate.json().get("type").asString()).isEqualTo("urn:aula:problem:course-code-taken");
		Response badPatch = this.client.patch("/api/courses/" + code, "{\"title\":\"\",\"price\":-5}", this.teacher);
		assertThat(badPatch.status()).isEqualTo(400);
		assertThat(this.client.get("/api/courses/" + code, this.teacher).json().get("title").asString())
			.isEqualTo("Biology");
	}

	@Test
	void deletesACourseOnlyWhileNobodyIsEnrolled() {
		String kept = this.client.publishedCourse(this.teacher, "Enrolled course");
		this.enrolments.enrol(this.student.id(), this.client.courseId(kept));
		Response refused = this.client.delete("/api/courses/" + kept, this.teacher);
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().get("type").asString()).isEqualTo("urn:aula:problem:course-has-enrolments");
		assertThat(this.client.get("/api/courses/" + kept, null).status()).isEqualTo(200);

		String empty = this.client.publishedCourse(this.teacher, "Empty course");
		this.client.lesson(this.teacher, empty, "gone with the course");
		String id = this.client.courseId(empty).toString();
		assertThat(this.client.get("/api/courses/" + empty, null).status()).isEqualTo(200);
		assertThat(this.client.delete("/api/courses/" + empty, this.teacher).status()).isEqualTo(204);
		assertThat(this.client.get("/api/courses/" + empty, null).status()).isEqualTo(404);
		assertThat(listedCodes("?q=" + empty)).isEmpty();
		assertThat(this.client.auditRows("course.delete", id)).isOne();
	}

	@Test
	void catalogSearchesPagesAndOrdersNewestFirst() {
		String word = "Zyx" + System.nanoTime();
		String first = this.client.publishedCourse(this.teacher, word + " one");
		String second = this.client.publishedCourse(this.otherTeacher, word + " two");
		String third = this.client.publishedCourse(this.teacher, word + " three");
		this.client.createCourse(this.teacher, word + " draft");

		assertThat(listedCodes("?q=" + word.toLowerCase())).containsExactly(third, second, first);
		JsonNode page0 = this.client.get("/api/courses?size=2&q=" + word, null).json();
		assertThat(page0.get("totalItems").asLong()).isEqualTo(3);
		assertThat(page0.get("totalPages").asInt()).isEqualTo(2);
		assertThat(page0.get("items").findValuesAsString("code")).containsExactly(third, second);
		assertThat(listedCodes("?size=2&page=1&q=" + word)).containsExactly(first);
		assertThat(listedCodes("?q=" + word + "&teacher=" + this.teacher.id())).containsExactly(third, first);
		assertThat(listedCodes("?q=" + first)).containsExactly(first);
		assertThat(listedCodes("?q=100%25")).isEmpty();
		assertThat(this.client.get("/api/courses?size=0", null).status()).isEqualTo(400);
		assertThat(this.client.get("/api/courses?teacher=nobody", null).status()).isEqualTo(400);
	}

	@Test
	void teacherListsTheirOwnCoursesPublishedOrNotNewestFirst() {
		User teacher = this.client.user("TEACHER");
		String published = this.client.publishedCourse(teacher, "Listed");
		String draft = this.client.createCourse(teacher, "Draft");
		this.client.createCourse(this.otherTeacher, "Not mine");

		Response mine = this.client.get("/api/me/taught-courses", teacher);
		assertThat(mine.status()).as(mine.body()).isEqualTo(200);
		assertThat(mine.json().get("items").findValuesAsString("code")).containsExactly(draft, published);
		assertThat(mine.json().get("items").get(0).get("published").asBoolean()).isFalse();
		assertThat(mine.json().get("totalItems").asLong()).isEqualTo(2);
		JsonNode secondPage = this.client.get("/api/me/taught-courses?size=1&page=1", teacher).json();
		assertThat(secondPage.get("items").findValuesAsString("code")).containsExactly(published);
		assertThat(listedCodes("?teacher=" + teacher.id())).containsExactly(published);
		assertThat(this.client.get("/api/me/taught-courses", this.student).status()).isEqualTo(403);
		assertThat(this.client.get("/api/me/taught-courses", null).status()).isEqualTo(401);
		assertThat(this.client.get("/api/me/taught-courses?size=0", teacher).status()).isEqualTo(400);
	}

	@Test
	void lessonBodiesAreShownOnlyToEnrolledStudentsTheOwnerAndAdmins() {
		String code = this.client.publishedCourse(this.teacher, "Poetry");
		String lessonId = this.client.lesson(this.teacher, code, "Secret verses");
		User enrolled = this.client.user("STUDENT");
		this.enrolments.enrol(enrolled.id(), this.client.courseId(code));

		for (User outsider : new User[] { null, this.student, this.otherTeacher }) {
			JsonNode lesson = firstLesson(this.client.get("/api/courses/" + code, outsider).json());
			assertThat(lesson.get("title").asString()).isEqualTo("First steps");
			assertThat(lesson.has("body")).isFalse();
		}
		assertThat(this.client.get("/api/lessons/" + lessonId, this.student).status()).isEqualTo(404);
		assertThat(this.client.get("/api/lessons/" + lessonId, this.otherTeacher).status()).isEqualTo(404);
		assertThat(this.client.get("/api/lessons/" + lessonId, null).status()).isEqualTo(401);

		for (User reader : List.of(enrolled, this.teacher, this.admin)) {
			assertThat(firstLesson(this.client.get("/api/courses/" + code, reader).json()).get("body").asString())
				.isEqualTo("Secret verses");
			Response lesson = this.client.get("/api/lessons/" + lessonId, reader);
			assertThat(lesson.status()).isEqualTo(200);
			assertThat(lesson.json().get("body").asString()).isEqualTo("Secret verses");
			assertThat(lesson.json().get("durationSeconds").asInt()).isEqualTo(300);
		}
	}

	@Test
	void editsAreServedFreshThroughTheCache() {
		String word = "Fresh" + System.nanoTime();
		String code = this.client.publishedCourse(this.teacher, word);
		assertThat(this.client.get("/api/courses/" + code, null).json().get("title").asString()).isEqualTo(word);
		assertThat(listedTitles("?q=" + word)).containsExactly(word);

		this.client.patch("/api/courses/" + code, "{\"title\":\"%s renamed\"}".formatted(word), this.teacher);
		assertThat(this.client.get("/api/courses/" + code, null).json().get("title").asString())
			.isEqualTo(word + " renamed");
		assertThat(listedTitles("?q=" + word)).containsExactly(word + " renamed");

		String lessonId = this.client.lesson(this.teacher, code, "v1");
		assertThat(firstLesson(this.client.get("/api/courses/" + code, null).json()).get("title").asString())
			.isEqualTo("First steps");
		this.client.patch("/api/lessons/" + lessonId, "{\"title\":\"Second thoughts\",\"body\":\"v2\"}", this.teacher);
		assertThat(firstLesson(this.client.get("/api/courses/" + code, null).json()).get("title").asString())
			.isEqualTo("Second thoughts");
		assertThat(firstLesson(this.client.get("/api/courses/" + code, this.teacher).json()).get("body").asString())
			.isEqualTo("v2");
		assertThat(this.client.auditRows("lesson.update", lessonId)).isOne();
	}

	@Test
	void modulesAndLessonsAreNumberedEditedAndDeleted() {
		String code = this.client.publishedCourse(this.teacher, "Music");
		String base = "/api/courses/" + code + "/modules";
		assertThat(this.client.post(base, "{\"title\":\"Rhythm\"}", this.teacher).json().get("number").asInt())
			.isEqualTo(1);
		assertThat(this.client.post(base, "{\"title\":\"Harmony\"}", this.teacher).json().get("number").asInt())
			.isEqualTo(2);
		Response taken = this.client.post(base, "{\"number\":2,\"title\":\"Again\"}", this.teacher);
		assertThat(taken.status()).isEqualTo(409);
		assertThat(taken.json().get("type").asString()).isEqualTo("urn:aula:problem:module-number-taken");
		assertThat(this.client.post(base, "{\"title\":\"\"}", this.teacher).status()).isEqualTo(400);
		assertThat(this.client.patch(base + "/2", "{\"title\":\"Melody\"}", this.teacher).status()).isEqualTo(200);
		assertThat(this.client.patch(base + "/9", "{\"title\":\"None\"}", this.teacher).status()).isEqualTo(404);

		String lessons = base + "/1/lessons";
		String a = this.client.post(lessons, "{\"title\":\"Beat\"}", this.teacher).json().get("id").asString();
		Response b = this.client.post(lessons, "{\"title\":\"Tempo\",\"kind\":\"TEXT\"}", this.teacher);
		assertThat(b.json().get("position").asInt()).isEqualTo(2);
		assertThat(this.client.post(lessons, "{\"title\":\"Clash\",\"position\":1}", this.teacher).status())
			.isEqualTo(409);
		assertThat(this.client.post(lessons, "{\"title\":\"Bad\",\"durationSeconds\":-1}", this.teacher).status())
			.isEqualTo(400);
		assertThat(this.client.post(lessons, "{\"title\":\"Bad\",\"kind\":\"AUDIO\"}", this.teacher).status())
			.isEqualTo(400);
		assertThat(this.client.patch("/api/lessons/" + a, "{\"title\":\"Stolen\"}", this.otherTeacher).status())
			.isEqualTo(404);
		assertThat(this.client.delete("/api/lessons/" + a, this.teacher).status()).isEqualTo(204);
		assertThat(this.client.get("/api/lessons/" + a, this.teacher).status()).isEqualTo(404);

		JsonNode detail = this.client.get("/api/courses/" + code, null).json();
		assertThat(detail.get("modules").findValuesAsString("title")).contains("Rhythm", "Melody");
		assertThat(detail.get("modules").get(0).get("lessons").findValuesAsString("title")).containsExactly("Tempo");
		assertThat(this.client.delete(base + "/1", this.teacher).status()).isEqualTo(204);
		assertThat(this.client.get("/api/courses/" + code, null).json().get("modules").findValuesAsString("title"))
			.containsExactly("Melody");
		assertThat(this.client.get("/api/lessons/" + b.json().get("id").asString(), this.teacher).status())
			.isEqualTo(404);
	}

	@Test
	void uploadedMediaIsTypedByContentAndStreamedWithRanges() {
		String code = this.client.publishedCourse(this.teacher, "Film");
		String lessonId = this.client.lesson(this.teacher, code, "Watch this");
		byte[] video = video(5000);

		Response uploaded = this.client.upload(lessonId, "../../etc/clip.mp4", video, this.teacher);
		assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);
		assertThat(uploaded.json().get("kind").asString()).isEqualTo("VIDEO");
		String url = uploaded.json().get("media").get("url").asString();
		String sha = sha256(video);
		assertThat(url).startsWith("/api/media/" + sha + "?access=");
		assertThat(this.client.auditRows("lesson.media", lessonId)).isOne();

		HttpResponse<byte[]> whole = this.client.download(url, this.teacher);
		assertThat(whole.statusCode()).isEqualTo(200);
		assertThat(whole.body()).isEqualTo(video);
		assertThat(whole.headers().firstValue("ETag")).hasValue("\"" + sha + "\"");
		assertThat(whole.headers().firstValue("Cache-Control")).hasValue("max-age=31536000, private, immutable");
		assertThat(whole.headers().firstValue("Content-Type")).hasValue("video/mp4");
		assertThat(whole.headers().firstValue("Content-Disposition")).hasValue("inline; filename=\"clip.mp4\"");
		assertThat(whole.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

		assertRange(url, "bytes=0-9", 0, 10, video);
		assertRange(url, "bytes=1000-1999", 1000, 1000, video);
		assertRange(url, "bytes=-100", video.length - 100, 100, video);
		HttpResponse<byte[]> beyond = this.client.download(url, this.teacher, "Range", "bytes=6000-7000");
		assertThat(beyond.statusCode()).isEqualTo(416);
		assertThat(beyond.headers().firstValue("Content-Range")).hasValue("bytes */" + video.length);
		assertThat(this.client.download(url, this.teacher, "If-None-Match", "\"" + sha + "\"").statusCode())
			.isEqualTo(304);
	}

	@Test
	void mediaTypeComesFromTheContentNeverTheName() {
		String code = this.client.publishedCourse(this.teacher, "Reading");
		String lessonId = this.client.lesson(this.teacher, code, "Read this");
		byte[] pdf = "%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

		Response disguised = this.client.upload(lessonId, "notes.mp4", pdf, this.teacher);
		assertThat(disguised.status()).as(disguised.body()).isEqualTo(200);
		assertThat(disguised.json().get("kind").asString()).isEqualTo("FILE");
		assertThat(disguised.json().get("media").get("contentType").asString()).isEqualTo("application/pdf");
		HttpResponse<byte[]> download = this.client.download(disguised.json().get("media").get("url").asString(),
				this.admin);
		assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
		assertThat(download.headers().firstValue("Content-Disposition")).hasValue("inline; filename=\"notes.pdf\"");

		Response text = this.client.upload(lessonId, "photo.png", "just text".getBytes(StandardCharsets.UTF_8),
				this.teacher);
		assertThat(text.status()).isEqualTo(415);
		assertThat(text.json().get("type").asString()).isEqualTo("urn:aula:problem:media-type-refused");
		assertThat(this.client.upload(lessonId, "empty.pdf", new byte[0], this.teacher).status()).isEqualTo(400);
		assertThat(this.client.get("/api/lessons/" + lessonId, this.teacher)
			.json()
			.get("media")
			.get("contentType")
			.asString()).isEqualTo("application/pdf");
	}

	@Test
	void mediaIsOnlyForEnrolledStudentsTheOwnerAndAdmins() {
		String code = this.client.publishedCourse(this.teacher, "Private film");
		String lessonId = this.client.lesson(this.teacher, code, "Members only");
		byte[] video = video(300);
		assertThat(this.client.upload(lessonId, "film.mp4", video, this.otherTeacher).status()).isEqualTo(404);
		assertThat(this.client.upload(lessonId, "film.mp4", video, this.student).status()).isEqualTo(403);
		Response uploaded = this.client.upload(lessonId, "film.mp4", video, this.admin);
		assertThat(uploaded.status()).isEqualTo(200);
		String url = uploaded.json().get("media").get("url").asString();
		String plainUrl = "/api/media/" + sha256(video);
		User enrolled = this.client.user("STUDENT");
		this.enrolments.enrol(enrolled.id(), this.client.courseId(code));

		// A bearer token is judged by its own rights, whatever link it comes with.
		assertThat(this.client.download(url, this.student).statusCode()).isEqualTo(404);
		assertThat(this.client.download(url, this.otherTeacher).statusCode()).isEqualTo(404);
		assertThat(this.client.download(plainUrl, this.student).statusCode()).isEqualTo(404);
		HttpResponse<byte[]> anonymous = this.client.download(plainUrl, null);
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"aula\"");
		assertThat(this.client.download("/api/media/" + "0".repeat(64), this.admin).statusCode()).isEqualTo(404);
		assertThat(this.client.download("/api/media/..%2F..%2Fetc", this.admin).statusCode()).isIn(400, 404);
		assertThat(this.client.download(plainUrl, enrolled).body()).isEqualTo(video);
		assertThat(this.client.download(plainUrl, this.teacher).statusCode()).isEqualTo(200);
		assertThat(firstLesson(this.client.get("/api/courses/" + code, null).json()).has("media")).isFalse();
		assertThat(firstLesson(this.client.get("/api/courses/" + code, enrolled).json()).get("media")
			.get("url")
			.asString()).startsWith(plainUrl + "?access=").contains("." + enrolled.id() + ".");
	}

	@Test
	void signedMediaLinksWorkWithoutATokenUntilTheyExpire() {
		String code = this.client.publishedCourse(this.teacher, "Signed film");
		String lessonId = this.client.lesson(this.teacher, code, "Watch");
		byte[] video = video(4000);
		String sha = sha256(video);
		assertThat(this.client.upload(lessonId, "film.mp4", video, this.teacher).status()).isEqualTo(200);
		User enrolled = this.client.user("STUDENT");
		this.enrolments.enrol(enrolled.id(), this.client.courseId(code));

		String url = this.client.get("/api/lessons/" + lessonId, enrolled).json().get("media").get("url").asString();
		String signedLink = "/api/media/" + sha + "\\?access=\\d+\\." + enrolled.id() + "\\.[A-Za-z0-9_-]{43}";
		assertThat(url).matches(signedLink);
		long expiry = Long.parseLong(url.substring(url.indexOf('=') + 1, url.indexOf('.')));
		assertThat(expiry - java.time.Instant.now().getEpochSecond()).as("two hours, rounded up to half an hour")
			.isBetween(7100L, 9000L);
		assertThat(expiry % 1800).isZero();
		assertThat(firstLesson(this.client.get("/api/courses/" + code, enrolled).json()).get("media")
			.get("url")
			.asString()).matches(signedLink);

		HttpResponse<byte[]> whole = this.client.download(url, null);
		assertThat(whole.statusCode()).isEqualTo(200);
		assertThat(whole.body()).isEqualTo(video);
		assertThat(whole.headers().firstValue("ETag")).hasValue("\"" + sha + "\"");
		assertThat(whole.headers().firstValue("Cache-Control")).hasValue("max-age=31536000, private, immutable");
		assertThat(whole.headers().firstValue("Content-Type")).hasValue("video/mp4");
		HttpResponse<byte[]> part = this.client.download(url, null, "Range", "bytes=100-199");
		assertThat(part.statusCode()).isEqualTo(206);
		assertThat(part.body()).isEqualTo(Arrays.copyOfRange(video, 100, 200));
		assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 100-199/" + video.length);
		assertThat(this.client.download(url, null, "Range", "bytes=5000-6000").statusCode()).isEqualTo(416);
		assertThat(this.client.download(url, null, "If-None-Match", "\"" + sha + "\"").statusCode()).isEqualTo(304);

		String access = url.substring(url.indexOf('=') + 1);
		String signature = access.substring(access.lastIndexOf('.') + 1);
		char last = signature.charAt(signature.length() - 1);
		String tampered = access.substring(0, access.length() - 1) + ((last == 'A') ? 'B' : 'A');
		String otherUser = expiry + "." + this.student.id() + "." + signature;
		String later = (expiry + 3600) + "." + enrolled.id() + "." + signature;
		MediaLinks links = this.aula.bean(MediaLinks.class);
		String expired = links.access(sha, enrolled.id(), java.time.Instant.now().minusSeconds(1));
		String otherSha = links.access("0".repeat(64), enrolled.id(), java.time.Instant.now().plusSeconds(3600));
		for (String refused : List.of(tampered, otherUser, later, expired, signature, "x", "..", access + ".x", "%00",
				"9".repeat(40) + "." + enrolled.id() + "." + signature)) {
			HttpResponse<byte[]> denied = this.client.download("/api/media/" + sha + "?access=" + refused, null);
			assertThat(denied.statusCode()).as(refused).isEqualTo(404);
			assertThat(denied.headers().firstValue("Content-Type")).as(refused).hasValue("application/problem+json");
		}
		assertThat(this.client.download("/api/media/" + "0".repeat(64) + "?access=" + otherSha, null).statusCode())
			.as("a valid link to a file no lesson uses")
			.isEqualTo(404);
		String anotherFile = sha256(video(100));
		assertThat(this.client.download("/api/media/" + anotherFile + "?access=" + access, null).statusCode())
			.as("the link's token on another file")
			.isEqualTo(404);
		assertThat(this.client.download("/api/media/" + sha, null).statusCode()).isEqualTo(401);
		assertThat(this.client.download(url, null, "Authorization", "Bearer not-a-token").statusCode())
			.as("a bad bearer token is not rescued by the link")
			.isEqualTo(401);
	}

	private void assertRange(String url, String range, int from, int length, byte[] content) {
		HttpResponse<byte[]> part = this.client.download(url, this.teacher, "Range", range);
		assertThat(part.statusCode()).as(range).isEqualTo(206);
		assertThat(part.body()).as(range).isEqualTo(Arrays.copyOfRange(content, from, from + length));
		assertThat(part.headers().firstValue("Content-Range"))
			.hasValue("bytes " + from + "-" + (from + length - 1) + "/" + content.length);
	}

	/** Bytes that start like an MP4 file (an {@code ftyp} box), then random. */
	static byte[] video(int length) {
		byte[] video = new byte[length];
		new Random().nextBytes(video);
		byte[] head = { 0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm' };
		System.arraycopy(head, 0, video, 0, head.length);
		return video;
	}

	static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	List<String> listedCodes(String query) {
		Response list = this.client.get("/api/courses" + query, null);
		assertThat(list.status()).as(list.body()).isEqualTo(200);
		return list.json().get("items").findValuesAsString("code");
	}

	List<String> listedTitles(String query) {
		return this.client.get("/api/courses" + query, null).json().get("items").findValuesAsString("title");
	}

	static JsonNode firstLesson(JsonNode detail) {
		return detail.get("modules").get(0).get("lessons").get(0);
	}

}
