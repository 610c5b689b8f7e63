package org.aula.certificates;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.aula.identity.tokens.AccessTokens;
import org.aula.identity.tokens.TestAccessTokens;
import org.aula.testsupport.HttpApi;
import org.aula.testsupport.HttpApi.Response;
import org.aula.testsupport.RunningAula;
import org.aula.testsupport.TestTokens;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Users, courses and the calls the certificate tests make over and over. */
final class CertificatesClient {

	private static final AccessTokens TOKENS = TestAccessTokens.signedWith(TestTokens.SECRET);

	final HttpApi http;

	final JdbcClient jdbc;

	CertificatesClient(RunningAula aula) {
		this.http = aula.http();
		this.jdbc = aula.bean(JdbcClient.class);
	}

	/** A user in the database, and an access token for them. */
	User user(String role, String fullName) {
		UUID id = UUID.randomUUID();
		this.jdbc
			.sql("INSERT INTO users (id, email, full_name, role, active, registered, created_at)"
					+ " VALUES (?, ?, ?, ?, TRUE, TRUE, ?)")
			.params(id, id + "@test.aula", fullName, role, OffsetDateTime.now())
			.update();
		return new User(id, TOKENS.issue(id, role, UUID.randomUUID()).value());
	}

	/** A student who registers and signs in through the API. */
	User registeredStudent(String fullName) {
		String email = "student-" + UUID.randomUUID().toString().substring(0, 8) + "@test.aula";
		String password = "Correct-Horse-Staple-2026";
		Response registered = this.http.postJson("/api/auth/register",
				"{\"email\":\"%s\",\"password\":\"%s\",\"fullName\":\"%s\"}".formatted(email, password, fullName));
		assertThat(registered.status()).as(registered.body()).isEqualTo(201);
		Response login = this.http.postJson("/api/auth/login",
				"{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, password));
		assertThat(login.status()).as(login.body()).isEqualTo(200);
		return new User(UUID.fromString(registered.json().get("id").asString()),
				login.json().get("accessToken").asString());
	}

	/** A published, free course with one module of one lesson. */
	Course course(User teacher, String title) {
		String code = uniqueCode();
		Response created = send("POST", "/api/courses",
				"{\"code\":\"%s\",\"title\":\"%s\",\"description\":\"About it\"}".formatted(code, title), teacher);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		Response published = send("PATCH", "/api/courses/" + code, "{\"published\":true}", teacher);
		assertThat(published.status()).as(published.body()).isEqualTo(200);
		Response module = send("POST", "/api/courses/" + code + "/modules", "{\"title\":\"Basics\"}", teacher);
		assertThat(module.status()).as(module.body()).isEqualTo(201);
		Response lesson = send("POST", "/api/courses/" + code + "/modules/1/lessons",
				"{\"title\":\"First steps\",\"body\":\"Read this\",\"durationSeconds\":300}", teacher);
		assertThat(lesson.status()).as(lesson.body()).isEqualTo(201);
		UUID id = this.jdbc.sql("SELECT id FROM courses WHERE code = ?").param(code).query(UUID.class).single();
		return new Course(id, code, title, UUID.fromString(lesson.json().get("id").asString()));
	}

	/** Enrols the student and completes every lesson of the course through the API. */
	void completes(User student, Course course) {
		HttpRequest.Builder enrol = this.http.request("/api/courses/" + course.code() + "/enrolments")
			.header("Authorization", "Bearer " + student.token())
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.POST(HttpRequest.BodyPublishers.ofString("{}"));
		Response enrolled = this.http.send(enrol);
		assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);
		Response completed = send("PUT", "/api/lessons/" + course.lessonId() + "/completion", null, student);
		assertThat(completed.status()).as(completed.body()).isBetween(200, 204);
	}

	/** A course code such as {@code CQWERT-123}, random enough not to repeat. */
	static String uniqueCode() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		StringBuilder code = new StringBuilder("C");
		for (int i = 0; i < 5; i++) {
			code.append((char) ('A' + random.nextInt(26)));
		}
		return code.append('-').append(random.nextInt(10_000)).toString();
	}

	Response get(String path, User user) {
		return (user != null) ? this.http.get(path, "Authorization", "Bearer " + user.token()) : this.http.get(path);
	}

	Response post(String path, String json, User user) {
		return send("POST", path, json, user);
	}

	/** A download as bytes, without a token. */
	HttpResponse<byte[]> download(String path) {
		try {
			return HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_1_1)
				.build()
				.send(this.http.request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	long certificates(UUID studentId, UUID courseId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM certificates WHERE student_id = ? AND course_id = ?")
			.params(studentId, courseId)
			.query(Long.class)
			.single();
	}

	Response send(String method, String path, String json, User user) {
		HttpRequest.Builder request = this.http.request(path)
			.method(method,
					(json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody());
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		if (user != null) {
			request.header("Authorization", "Bearer " + user.token());
		}
		return this.http.send(request);
	}

	record User(UUID id, String token) {
	}

	record Course(UUID id, String code, String title, UUID lessonId) {
	}

}
