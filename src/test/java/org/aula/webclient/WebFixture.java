package org.aula.webclient;

import java.net.http.HttpRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.aula.testsupport.EmbeddedAulaTest;
import org.aula.testsupport.HttpApi;
import org.aula.testsupport.HttpApi.Response;
import org.aula.testsupport.RunningAula;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An embedded Aula for browser tests, with its demo accounts and a known admin, and the
 * REST calls that set up what a test needs before the browser takes over. Users sign in
 * with their real passwords, as in the browser.
 */
final class WebFixture implements AutoCloseable {

	static final String ADMIN = "admin@aula.local";

	static final String ADMIN_PASSWORD = "browser-keeper-2026";

	static final String TEACHER = "teacher@aula.local";

	static final String DEMO_PASSWORD = "demo-password-2026";

	private static final AtomicInteger CODES = new AtomicInteger();

	private final RunningAula aula;

	private WebFixture(RunningAula aula) {
		this.aula = aula;
	}

	static WebFixture start() {
		return start(Map.of());
	}

	static WebFixture start(Map<String, String> extraSettings) {
		Map<String, String> settings = new HashMap<>();
		settings.put("spring.datasource.url",
				EmbeddedAulaTest.H2_URL.replace("${random.uuid}", UUID.randomUUID().toString()));
		settings.put("aula.admin.email", ADMIN);
		settings.put("aula.admin.password", ADMIN_PASSWORD);
		settings.putAll(extraSettings);
		return new WebFixture(RunningAula.start(settings));
	}

	int port() {
		return this.aula.port();
	}

	RunningAula aula() {
		return this.aula;
	}

	HttpApi http() {
		return this.aula.http();
	}

	/** Signs in over the API and returns the access token. */
	String token(String email, String password) {
		Response login = http().postJson("/api/auth/login",
				"{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, password));
		assertThat(login.status()).as(login.body()).isEqualTo(200);
		return login.json().get("accessToken").asString();
	}

	Response call(String method, String path, String json, String token, String... headers) {
		HttpRequest.Builder request = http().request(path)
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json");
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		request.method(method,
				(json == null) ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
		return http().send(request);
	}

	/** A course code no other course of this run has. */
	static String uniqueCode() {
		int n = CODES.incrementAndGet();
		return "W" + (char) ('A' + (n / 1000) % 26) + (char) ('A' + (n / 26000) % 26) + "-" + (n % 1000);
	}

	/**
	 * A published course of one module with the given text lessons; returns its code.
	 */
	String publishedCourse(String teacherToken, String title, String price, String... lessons) {
		String code = uniqueCode();
		Response created = call("POST", "/api/courses",
				"{\"code\":\"%s\",\"title\":\"%s\",\"description\":\"About %s\",\"price\":%s}".formatted(code, title,
						title, price),
				teacherToken);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		Response module = call("POST", "/api/courses/" + code + "/modules", "{\"title\":\"Basics\"}", teacherToken);
		assertThat(module.status()).as(module.body()).isEqualTo(201);
		for (String lesson : lessons) {
			Response added = call("POST", "/api/courses/" + code + "/modules/1/lessons",
					"{\"title\":\"%s\",\"body\":\"Text of %s\"}".formatted(lesson, lesson), teacherToken);
			assertThat(added.status()).as(added.body()).isEqualTo(201);
		}
		Response published = call("PATCH", "/api/courses/" + code, "{\"published\":true}", teacherToken);
		assertThat(published.status()).as(published.body()).isEqualTo(200);
		return code;
	}

	/**
	 * The path and token of the newest link to {@code page} (e.g.
	 * {@code /reset-password}) emailed to the address, read from the outbox as a person
	 * would read the email.
	 */
	String linkMailedTo(String email, String page) {
		List<String> bodies = this.aula.bean(JdbcClient.class)
			.sql("SELECT body FROM email_outbox WHERE recipient = ? ORDER BY created_at DESC")
			.param(email)
			.query(String.class)
			.list();
		assertThat(bodies).as("emails to " + email).isNotEmpty();
		Matcher link = Pattern.compile(Pattern.quote(page) + "\\?token=[A-Za-z0-9_-]+").matcher(bodies.get(0));
		assertThat(link.find()).as("a link to " + page + " in: " + bodies.get(0)).isTrue();
		return link.group();
	}

	@Override
	public void close() {
		this.aula.close();
	}

}
