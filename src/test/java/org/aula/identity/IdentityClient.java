package org.aula.identity;

import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.aula.testsupport.HttpApi;
import org.aula.testsupport.HttpApi.Response;
import org.aula.testsupport.RunningAula;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** What the identity tests do over and over: sign in, call with a token, read mail. */
final class IdentityClient {

	static final String ADMIN_EMAIL = "admin@test.aula";

	static final String ADMIN_PASSWORD = "Correct-Horse-Staple-2026";

	private static final Pattern TOKEN_LINK = Pattern.compile("token=([A-Za-z0-9_-]{43})");

	final RunningAula aula;

	final HttpApi http;

	IdentityClient(RunningAula aula) {
		this.aula = aula;
		this.http = aula.http();
	}

	Response login(String email, String password, String... headers) {
		String body = "{\"email\":%s,\"password\":%s}".formatted(json(email), json(password));
		return this.http.postJson("/api/auth/login", body, headers);
	}

	Tokens signIn(String email, String password) {
		Response response = login(email, password);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode json = response.json();
		return new Tokens(json.get("accessToken").asString(), json.get("refreshToken").asString());
	}

	Tokens admin() {
		return signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
	}

	Response refresh(String refreshToken) {
		return this.http.postJson("/api/auth/refresh", "{\"refreshToken\":%s}".formatted(json(refreshToken)));
	}

	Response get(String path, Tokens tokens) {
		return this.http.get(path, "Authorization", "Bearer " + tokens.access());
	}

	Response post(String path, String json, Tokens tokens) {
		return this.http.postJson(path, json, "Authorization", "Bearer " + tokens.access());
	}

	Response patch(String path, String json, Tokens tokens) {
		return this.http.send(this.http.request(path)
			.header("Authorization", "Bearer " + tokens.access())
			.header("Content-Type", "application/json")
			.method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString(json)));
	}

	Response delete(String path, Tokens tokens) {
		return this.http.send(this.http.request(path).header("Authorization", "Bearer " + tokens.access()).DELETE());
	}

	/** Registers a student with self-registration and signs them in. */
	Tokens newStudent(String email, String password) {
		Response registered = this.http.postJson("/api/auth/register",
				"{\"email\":%s,\"password\":%s,\"fullName\":\"Test Student\"}".formatted(json(email), json(password)));
		assertThat(registered.status()).as(registered.body()).isEqualTo(201);
		return signIn(email, password);
	}

	/** The token of the newest email to this address, read from the outbox table. */
	String tokenMailedTo(String email) {
		List<String> bodies = jdbc().sql("SELECT body FROM email_outbox WHERE recipient = ? ORDER BY created_at DESC")
			.param(email)
			.query(String.class)
			.list();
		assertThat(bodies).as("emails to " + email).isNotEmpty();
		Matcher matcher = TOKEN_LINK.matcher(bodies.get(0));
		assertThat(matcher.find()).as("a token link in: " + bodies.get(0)).isTrue();
		return matcher.group(1);
	}

	JdbcClient jdbc() {
		return this.aula.bean(JdbcClient.class);
	}

	static String unique(String name) {
		return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@test.aula";
	}

	static String json(String value) {
		if (value == null) {
			return "null";
		}
		return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	record Tokens(String access, String refresh) {
	}

}
