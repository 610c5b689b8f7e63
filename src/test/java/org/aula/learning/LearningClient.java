package org.aula.learning;

import java.net.http.HttpRequest;
import java.util.UUID;

import org.aula.identity.tokens.AccessTokens;
import org.aula.identity.tokens.TestAccessTokens;
import org.aula.testsupport.HttpApi;
import org.aula.testsupport.HttpApi.Response;
import org.aula.testsupport.TestTokens;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** What the learning tests do over and over: act as someone, enrol, count rows. */
final class LearningClient {

	private static final AccessTokens TOKENS = TestAccessTokens.signedWith(TestTokens.SECRET);

	final HttpApi http;

	final JdbcClient jdbc;

	LearningClient(HttpApi http, JdbcClient jdbc) {
		this.http = http;
		this.jdbc = jdbc;
	}

	/** Someone with a valid access token for a user id of their own. */
	static User user(String role) {
		UUID id = UUID.randomUUID();
		return new User(id, TOKENS.issue(id, role, UUID.randomUUID()).value());
	}

	static String uniqueCode() {
		return "L-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
	}

	static String newKey() {
		return UUID.randomUUID().toString();
	}

	Response enrol(User student, String code, String key) {
		return enrol(student, code, key, "{}");
	}

	Response enrol(User student, String code, String key, String body) {
		HttpRequest.Builder request = this.http.request("/api/courses/" + code + "/enrolments")
			.header("Authorization", "Bearer " + student.token())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (key != null) {
			request.header("Idempotency-Key", key);
		}
		return this.http.send(request);
	}

	void enrolled(User student, String code) {
		Response response = enrol(student, code, newKey());
		assertThat(response.status()).as(response.body()).isEqualTo(201);
	}

	Response complete(User student, UUID lessonId) {
		return this.http.send(this.http.request("/api/lessons/" + lessonId + "/completion")
			.header("Authorization", "Bearer " + student.token())
			.PUT(HttpRequest.BodyPublishers.noBody()));
	}

	Response get(String path, User user) {
		return this.http.get(path, "Authorization", "Bearer " + user.token());
	}

	Response post(String path, String json, User user) {
		return this.http.postJson(path, json, "Authorization", "Bearer " + user.token());
	}

	Response put(String path, String json, User user) {
		return this.http.send(this.http.request(path)
			.header("Authorization", "Bearer " + user.token())
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json)));
	}

	long count(String sql, Object... params) {
		return this.jdbc.sql(sql).params(params).query(Long.class).single();
	}

	long enrolments(User student) {
		return count("SELECT COUNT(*) FROM enrolments WHERE student_id = ?", student.id());
	}

	long sales(User student) {
		return count(
				"SELECT COUNT(*) FROM sales s JOIN enrolments e ON e.id = s.enrolment_id" + " WHERE e.student_id = ?",
				student.id());
	}

	record User(UUID id, String token) {
	}

}
