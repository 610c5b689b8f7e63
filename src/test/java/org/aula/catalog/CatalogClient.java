package org.aula.catalog;

import java.net.http.HttpRequest;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.aula.identity.tokens.AccessTokens;
import org.aula.identity.tokens.TestAccessTokens;
import org.aula.testsupport.HttpApi;
import org.aula.testsupport.HttpApi.Response;
import org.aula.testsupport.RunningAula;
import org.aula.testsupport.TestTokens;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Users with tokens, and the catalog calls the tests make over and over. */
final class CatalogClient {

	private static final AccessTokens TOKENS = TestAccessTokens.signedWith(TestTokens.SECRET);

	private static final AtomicInteger CODES = new AtomicInteger();

	final HttpApi http;

	final JdbcClient jdbc;

	CatalogClient(RunningAula aula) {
		this.http = aula.http();
		this.jdbc = aula.bean(JdbcClient.class);
	}

	/** A user in the database, and an access token for them. */
	User user(String role) {
		UUID id = UUID.randomUUID();
		this.jdbc
			.sql("INSERT INTO users (id, email, full_name, role, active, registered, created_at)"
					+ " VALUES (?, ?, ?, ?, TRUE, TRUE, ?)")
			.params(id, id + "@test.aula", "Test " + role, role, OffsetDateTime.now())
			.update();
		return new User(id, TOKENS.issue(id, role, UUID.randomUUID()).value());
	}

	/** A code no other course of this test run has. */
	static String uniqueCode() {
		int n = CODES.incrementAndGet();
		int block = n / 1000;
		String letters = "" + (char) ('A' + block / 676 % 26) + (char) ('A' + block / 26 % 26)
				+ (char) ('A' + block % 26);
		return "T" + letters + "-" + (n % 1000);
	}

	String createCourse(User teacher, String title) {
		String code = uniqueCode();
		Response created = post("/api/courses",
				"{\"code\":\"%s\",\"title\":\"%s\",\"description\":\"About %s\"}".formatted(code, title, title),
				teacher);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return code;
	}

	String publishedCourse(User teacher, String title) {
		String code = createCourse(teacher, title);
		Response published = patch("/api/courses/" + code, "{\"published\":true}", teacher);
		assertThat(published.status()).as(published.body()).isEqualTo(200);
		return code;
	}

	/** Adds module 1 and a lesson with a body; returns the lesson id. */
	String lesson(User teacher, String code, String body) {
		Response module = post("/api/courses/" + code + "/modules", "{\"title\":\"Basics\"}", teacher);
		assertThat(module.status()).as(module.body()).isEqualTo(201);
		int number = module.json().get("number").asInt();
		Response lesson = post("/api/courses/" + code + "/modules/" + number + "/lessons",
				"{\"title\":\"First steps\",\"body\":\"%s\",\"durationSeconds\":300}".formatted(body), teacher);
		assertThat(lesson.status()).as(lesson.body()).isEqualTo(201);
		return lesson.json().get("id").asString();
	}

	UUID courseId(String code) {
		return this.jdbc.sql("SELECT id FROM courses WHERE code = ?").param(code).query(UUID.class).single();
	}

	long auditRows(String action, String entityId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = ? AND entity_id = ?")
			.params(action, entityId)
			.query(Long.class)
			.single();
	}

	Response get(String path, User user, String... headers) {
		List<String> all = new ArrayList<>(List.of(headers));
		if (user != null) {
			all.add("Authorization");
			all.add("Bearer " + user.token());
		}
		return this.http.get(path, all.toArray(String[]::new));
	}

	Response post(String path, String json, User user) {
		return send("POST", path, json, user);
	}

	Response patch(String path, String json, User user) {
		return send("PATCH", path, json, user);
	}

	Response delete(String path, User user) {
		return send("DELETE", path, null, user);
	}

	Response upload(String lessonId, String fileName, byte[] content, User user) {
		HttpRequest.Builder request = this.http.fileUpload("/api/lessons/" + lessonId + "/media", fileName, content);
		if (user != null) {
			request.header("Authorization", "Bearer " + user.token());
		}
		return this.http.send(request);
	}

	/** A download, as bytes. */
	java.net.http.HttpResponse<byte[]> download(String path, User user, String... headers) {
		HttpRequest.Builder request = this.http.request(path).GET();
		if (headers.length > 0) {
			request.headers(headers);
		}
		if (user != null) {
			request.header("Authorization", "Bearer " + user.token());
		}
		try {
			return java.net.http.HttpClient.newBuilder()
				.version(java.net.http.HttpClient.Version.HTTP_1_1)
				.build()
				.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
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

	/** A user and their access token. */
	record User(UUID id, String token) {
	}

}
