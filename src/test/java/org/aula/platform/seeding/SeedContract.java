package org.aula.platform.seeding;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.aula.AulaApplication;
import org.aula.testsupport.HttpApi;
import org.aula.testsupport.RunningAula;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed command, run as an operator runs it, fills a database that Aula then serves:
 * seeded students sign in with the documented password and find their courses, progress,
 * grades, chat history and videos exactly as the plan says.
 */
abstract class SeedContract {

	static final SeedPlan PLAN = new SeedPlan(7, 40, 3, 8, 12, 3, 300);

	@TempDir
	Path media;

	/** Settings that point both the seed command and the server at one fresh database. */
	abstract Map<String, String> databaseSettings();

	@Test
	void seedsThePlanOnceAndServesItToSeededStudents() {
		Map<String, String> settings = new LinkedHashMap<>(databaseSettings());
		settings.put("aula.media.directory", this.media.toString());

		String first = seed(settings);
		assertThat(first).contains("users", "40", "lesson_completions", "chat_messages", "300")
			.contains("password " + SeedPlan.PASSWORD);
		assertThat(first).containsPattern("users\\s+43 rows created")
			.containsPattern("courses\\s+8 rows created")
			.containsPattern("lessons\\s+96 rows created")
			.containsPattern("enrolments\\s+120 rows created")
			.containsPattern("chat_messages\\s+300 rows created");
		assertThat(seed(settings)).contains("Created 0 rows");

		try (RunningAula aula = RunningAula.start(settings)) {
			HttpApi http = aula.http();
			for (int student : List.of(1, 17, 40)) {
				String token = signIn(http, PLAN.studentEmail(student));
				assertThat(enrolledCourses(http, token, student)).containsExactlyInAnyOrderElementsOf(
						java.util.Arrays.stream(PLAN.coursesOf(student)).mapToObj(PLAN::courseCode).toList());
			}
			String token = signIn(http, PLAN.studentEmail(1));
			int course = PLAN.coursesOf(1)[0];
			assertThat(http
				.get("/api/courses?q=" + SeedPlan.SUBJECTS[course % SeedPlan.SUBJECTS.length], "Authorization",
						"Bearer " + token)
				.body()).contains(PLAN.courseCode(course));
			assertThat(http.get("/api/chat/rooms", "Authorization", "Bearer " + token).status()).isEqualTo(200);
			assertThatRoomHistoryIsGapless(http, token, course);
			assertThatVideoRangeIsServed(http, token, course);
		}
	}

	private static String seed(Map<String, String> settings) {
		List<String> args = new ArrayList<>(List.of("seed", "--seed", String.valueOf(PLAN.seed()), "--students",
				String.valueOf(PLAN.students()), "--teachers", String.valueOf(PLAN.teachers()), "--courses",
				String.valueOf(PLAN.courses()), "--lessons-per-course=" + PLAN.lessonsPerCourse(),
				"--enrolments-per-student", String.valueOf(PLAN.enrolmentsPerStudent()), "--chat-messages",
				String.valueOf(PLAN.chatMessages())));
		settings.forEach((key, value) -> args.add("--" + key + "=" + value));
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		int exit = SeedCommand.run(AulaApplication.class, args.toArray(String[]::new),
				new PrintStream(bytes, true, StandardCharsets.UTF_8));
		String output = bytes.toString(StandardCharsets.UTF_8);
		assertThat(exit).as(output).isZero();
		return output;
	}

	private static String signIn(HttpApi http, String email) {
		HttpApi.Response response = http.postJson("/api/auth/login",
				"{\"email\":\"" + email + "\",\"password\":\"" + SeedPlan.PASSWORD + "\"}");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json().get("accessToken").asString();
	}

	private static Set<String> enrolledCourses(HttpApi http, String token, int student) {
		HttpApi.Response response = http.get("/api/me/courses", "Authorization", "Bearer " + token);
		assertThat(response.status()).isEqualTo(200);
		Set<String> codes = new HashSet<>();
		for (JsonNode course : items(response.json())) {
			String code = course.get("code").asString();
			codes.add(code);
			int number = Integer.parseInt(code.substring(code.indexOf('-') + 1));
			assertThat(course.toString()).contains("\"completedLessons\":" + PLAN.lessonsCompleted(student, number));
		}
		return codes;
	}

	private static Iterable<JsonNode> items(JsonNode json) {
		return json.isArray() ? json : json.get("items");
	}

	private static void assertThatRoomHistoryIsGapless(HttpApi http, String token, int course) {
		HttpApi.Response response = http.get("/api/chat/rooms/" + PLAN.courseId(course) + "/messages?limit=100",
				"Authorization", "Bearer " + token);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		List<Long> seqs = new ArrayList<>();
		for (JsonNode message : items(response.json())) {
			seqs.add(message.get("seq").asLong());
		}
		assertThat(seqs).isNotEmpty();
		for (int i = 1; i < seqs.size(); i++) {
			assertThat(Math.abs(seqs.get(i) - seqs.get(i - 1))).isEqualTo(1);
		}
	}

	private static void assertThatVideoRangeIsServed(HttpApi http, String token, int course) {
		HttpApi.Response lesson = http.get("/api/lessons/" + PLAN.lessonId(course, 1), "Authorization",
				"Bearer " + token);
		assertThat(lesson.status()).as(lesson.body()).isEqualTo(200);
		String url = lesson.json().get("media").get("url").asString();
		HttpApi.Response range = http.get(url, "Authorization", "Bearer " + token, "Range", "bytes=0-1023");
		assertThat(range.status()).isEqualTo(206);
		assertThat(range.body().length()).isPositive();
	}

}
