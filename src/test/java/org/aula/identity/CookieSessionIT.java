package org.aula.identity;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.aula.identity.IdentityClient.Tokens;
import org.aula.testsupport.EmbeddedAulaTest;
import org.aula.testsupport.HttpApi;
import org.aula.testsupport.HttpApi.Response;
import org.aula.testsupport.RunningAula;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.aula.identity.IdentityClient.json;
import static org.aula.identity.IdentityClient.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The browser's session: the refresh token in an HttpOnly cookie, spent only with the
 * CSRF header that repeats the readable CSRF cookie. The test sends cookies by hand, as a
 * browser would for a same-site request.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CookieSessionIT {

	static final String PASSWORD = IdentityFlowsContract.PASSWORD;

	static final long REFRESH_TOKEN_SECONDS = 30L * 24 * 3600;

	/** Low enough to reach in a test, above what the other tests use from loopback. */
	static final int REFRESHES_PER_MINUTE = 20;

	RunningAula aula;

	IdentityClient client;

	HttpApi http;

	@BeforeAll
	void start() {
		this.aula = RunningAula.start(Map.of("spring.datasource.url",
				EmbeddedAulaTest.H2_URL.replace("${random.uuid}", UUID.randomUUID().toString()), "aula.demo.enabled",
				"false", "aula.identity.self-registration", "true", "aula.identity.throttle.register-per-address",
				"1000", "aula.identity.throttle.login-attempts-per-address", "1000",
				"aula.identity.throttle.refresh-per-address", String.valueOf(REFRESHES_PER_MINUTE)));
		this.client = new IdentityClient(this.aula);
		this.http = this.aula.http();
	}

	@AfterAll
	void stop() {
		if (this.aula != null) {
			this.aula.close();
		}
	}

	@Test
	void loginInCookieModeSetsBothCookiesAndKeepsTheRefreshTokenOutOfTheBody() {
		Response login = cookieLogin(newStudent());

		assertThat(login.status()).as(login.body()).isEqualTo(200);
		assertThat(login.json().get("accessToken").asString()).isNotBlank();
		assertThat(login.json().get("tokenType").asString()).isEqualTo("Bearer");
		assertThat(login.json().get("expiresIn").asLong()).isEqualTo(900);
		assertThat(login.json().has("refreshToken")).isFalse();

		SetCookie refresh = SetCookie.named(login, SessionCookies.REFRESH);
		assertThat(refresh.value()).matches("[A-Za-z0-9_-]{43}");
		assertThat(refresh.attributes()).containsEntry("path", "/api/auth")
			.containsEntry("samesite", "Strict")
			.containsEntry("max-age", String.valueOf(REFRESH_TOKEN_SECONDS))
			.containsKey("httponly")
			.doesNotContainKey("secure");

		SetCookie csrf = SetCookie.named(login, SessionCookies.CSRF);
		assertThat(csrf.value()).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(refresh.value());
		assertThat(csrf.attributes()).containsEntry("path", "/")
			.containsEntry("samesite", "Strict")
			.containsEntry("max-age", String.valueOf(REFRESH_TOKEN_SECONDS))
			.doesNotContainKey("httponly")
			.doesNotContainKey("secure");

		Tokens tokens = new Tokens(login.json().get("accessToken").asString(), null);
		assertThat(this.client.get("/api/me", tokens).status()).isEqualTo(200);
	}

	@Test
	void cookiesAreSecureWhenATrustedProxySaysHttps() {
		Response login = cookieLogin(newStudent(), "X-Forwarded-Proto", "https");

		assertThat(login.status()).as(login.body()).isEqualTo(200);
		assertThat(SetCookie.named(login, SessionCookies.REFRESH).attributes()).containsKey("secure");
		assertThat(SetCookie.named(login, SessionCookies.CSRF).attributes()).containsKey("secure");

		Response refreshed = cookieRefresh(Browser.of(login), "X-Forwarded-Proto", "https");
		assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
		assertThat(SetCookie.named(refreshed, SessionCookies.REFRESH).attributes()).containsKey("secure");
		assertThat(SetCookie.named(refreshed, SessionCookies.CSRF).attributes()).containsKey("secure");
	}

	@Test
	void refreshWithCookieAndHeaderRotatesAndTheOldCookieDies() {
		String email = newStudent();
		Browser first = Browser.of(cookieLogin(email));

		Response refreshed = cookieRefresh(first);

		assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
		assertThat(refreshed.json().has("refreshToken")).isFalse();
		Browser second = Browser.of(refreshed);
		assertThat(second.refresh()).isNotEqualTo(first.refresh());
		assertThat(second.csrf()).isNotEqualTo(first.csrf());
		assertThat(SetCookie.named(refreshed, SessionCookies.REFRESH).attributes()).containsKey("httponly")
			.containsEntry("path", "/api/auth");
		Tokens access = new Tokens(refreshed.json().get("accessToken").asString(), null);
		assertThat(this.client.get("/api/me", access).status()).isEqualTo(200);

		Response reuse = cookieRefresh(new Browser(first.refresh(), second.csrf()));
		assertThat(reuse.status()).isEqualTo(401);
		assertThat(reuse.json().get("type").asString()).isEqualTo("urn:aula:problem:invalid-refresh-token");
		assertThat(SetCookie.named(reuse, SessionCookies.REFRESH).attributes()).containsEntry("max-age", "0");
		assertThat(cookieRefresh(second).status()).as("the reused token's family is revoked").isEqualTo(401);
		assertThat(this.client.get("/api/me", access).status()).as("access token of the family").isEqualTo(401);
		assertThat(auditRows("auth.refresh.reuse", email)).isOne();
	}

	@Test
	void rejectsRefreshWithoutCsrfHeaderAndTheTokenStillWorks() {
		Browser browser = Browser.of(cookieLogin(newStudent()));

		Response refused = send(refreshRequest().header("Cookie", browser.cookieHeader()));

		assertCsrfFailed(refused);
		assertThat(cookieRefresh(browser).status()).as("the cookie was not spent").isEqualTo(200);
	}

	@Test
	void rejectsRefreshWithAWrongCsrfHeaderAndTheTokenStillWorks() {
		Browser browser = Browser.of(cookieLogin(newStudent()));
		Browser other = Browser.of(cookieLogin(newStudent()));

		assertCsrfFailed(send(refreshRequest().header("Cookie", browser.cookieHeader())
			.header(SessionCookies.CSRF_HEADER, other.csrf())));
		assertCsrfFailed(send(refreshRequest().header("Cookie", SessionCookies.REFRESH + "=" + browser.refresh())
			.header(SessionCookies.CSRF_HEADER, browser.csrf())));
		assertCsrfFailed(send(refreshRequest().header("Cookie", browser.cookieHeader())
			.header(SessionCookies.CSRF_HEADER, browser.csrf().substring(1))));

		assertThat(cookieRefresh(browser).status()).as("the cookie was not spent").isEqualTo(200);
	}

	@Test
	void logoutWithTheCookieClearsBothCookiesAndEndsTheFamily() {
		String email = newStudent();
		Response login = cookieLogin(email);
		Browser browser = Browser.of(login);
		String access = login.json().get("accessToken").asString();
		Tokens other = this.client.signIn(email, PASSWORD);

		Response refused = send(logoutRequest(access).header("Cookie", browser.cookieHeader()));
		assertCsrfFailed(refused);
		Response refreshed = cookieRefresh(browser);
		assertThat(refreshed.status()).as("nothing revoked by the refused logout").isEqualTo(200);
		browser = Browser.of(refreshed);
		access = refreshed.json().get("accessToken").asString();

		Response logout = send(logoutRequest(access).header("Cookie", browser.cookieHeader())
			.header(SessionCookies.CSRF_HEADER, browser.csrf()));

		assertThat(logout.status()).as(logout.body()).isEqualTo(204);
		SetCookie clearedRefresh = SetCookie.named(logout, SessionCookies.REFRESH);
		assertThat(clearedRefresh.value()).isEmpty();
		assertThat(clearedRefresh.attributes()).containsEntry("max-age", "0")
			.containsEntry("path", "/api/auth")
			.containsEntry("samesite", "Strict")
			.containsKey("httponly");
		SetCookie clearedCsrf = SetCookie.named(logout, SessionCookies.CSRF);
		assertThat(clearedCsrf.value()).isEmpty();
		assertThat(clearedCsrf.attributes()).containsEntry("max-age", "0").containsEntry("path", "/");
		assertThat(cookieRefresh(browser).status()).as("the cookie's family").isEqualTo(401);
		assertThat(this.client.get("/api/me", new Tokens(access, null)).status()).isEqualTo(401);
		assertThat(this.client.get("/api/me", other).status()).as("another session").isEqualTo(200);
	}

	@Test
	void logoutEndsTheCookieFamilyEvenWhenTheAccessTokenIsOfAnotherLogin() {
		String email = newStudent();
		Browser browser = Browser.of(cookieLogin(email));
		Tokens bodyLogin = this.client.signIn(email, PASSWORD);

		Response logout = send(logoutRequest(bodyLogin.access()).header("Cookie", browser.cookieHeader())
			.header(SessionCookies.CSRF_HEADER, browser.csrf()));

		assertThat(logout.status()).isEqualTo(204);
		assertThat(cookieRefresh(browser).status()).isEqualTo(401);
		assertThat(this.client.refresh(bodyLogin.refresh()).status()).isEqualTo(401);
	}

	@Test
	void bodyModeIsUnaffected() {
		String email = newStudent();
		Response login = this.client.login(email, PASSWORD);
		assertThat(login.status()).isEqualTo(200);
		assertThat(login.json().get("refreshToken").asString()).matches("[A-Za-z0-9_-]{43}");
		assertThat(login.headers().allValues("Set-Cookie")).isEmpty();

		Browser browser = Browser.of(cookieLogin(email));
		// A body token wins over cookies and needs no CSRF header.
		Response refreshed = this.http.postJson("/api/auth/refresh",
				"{\"refreshToken\":%s}".formatted(json(login.json().get("refreshToken").asString())), "Cookie",
				browser.cookieHeader());
		assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
		assertThat(refreshed.json().get("refreshToken").asString()).matches("[A-Za-z0-9_-]{43}");
		assertThat(refreshed.headers().allValues("Set-Cookie")).isEmpty();
		assertThat(cookieRefresh(browser).status()).as("the cookie was not spent").isEqualTo(200);

		Tokens next = new Tokens(refreshed.json().get("accessToken").asString(),
				refreshed.json().get("refreshToken").asString());
		Response logout = this.client.post("/api/auth/logout", "{\"refreshToken\":%s}".formatted(json(next.refresh())),
				next);
		assertThat(logout.status()).isEqualTo(204);
		assertThat(logout.headers().allValues("Set-Cookie")).isEmpty();
		assertThat(this.client.refresh(next.refresh()).status()).isEqualTo(401);
	}

	@Test
	void unknownSessionModeIsAValidationProblem() {
		String email = newStudent();
		Object lastLogin = lastLoginOf(email);
		Response refused = this.http.postJson("/api/auth/login?session=jar",
				"{\"email\":%s,\"password\":%s}".formatted(json(email), json(PASSWORD)));

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("type").asString()).isEqualTo("urn:aula:problem:validation-failed");
		assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("session");
		assertThat(refused.headers().allValues("Set-Cookie")).isEmpty();
		assertThat(lastLoginOf(email)).as("no login happened").isEqualTo(lastLogin);
	}

	@Test
	void refreshWithNeitherBodyNorCookieIsABadRequest() {
		Response empty = send(refreshRequest());
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.json().get("type").asString()).isEqualTo("urn:aula:problem:malformed-request");

		Response noToken = this.http.postJson("/api/auth/refresh", "{}");
		assertThat(noToken.status()).isEqualTo(400);
		assertThat(noToken.json().get("type").asString()).isEqualTo("urn:aula:problem:validation-failed");
		assertThat(noToken.json().get("errors").get(0).get("field").asString()).isEqualTo("refreshToken");

		Response blank = this.http.postJson("/api/auth/refresh", "{\"refreshToken\":\" \"}");
		assertThat(blank.status()).isEqualTo(400);
		assertThat(blank.json().get("type").asString()).isEqualTo("urn:aula:problem:validation-failed");

		Response garbage = send(refreshRequest()
			.header("Cookie", SessionCookies.REFRESH + "=not-a-token; " + SessionCookies.CSRF + "=abc")
			.header(SessionCookies.CSRF_HEADER, "abc"));
		assertThat(garbage.status()).isEqualTo(401);
		assertThat(garbage.json().get("type").asString()).isEqualTo("urn:aula:problem:invalid-refresh-token");
	}

	@Test
	void refreshLimitsApplyInCookieMode() {
		String address = "203.0.113.44";
		Browser browser = Browser.of(cookieLogin(newStudent()));
		int allowed = 0;
		Response last = null;
		for (int i = 0; i <= REFRESHES_PER_MINUTE; i++) {
			last = cookieRefresh(browser, "X-Forwarded-For", address);
			if (last.status() != 200) {
				break;
			}
			allowed++;
			browser = Browser.of(last);
		}

		assertThat(allowed).isEqualTo(REFRESHES_PER_MINUTE);
		assertThat(last.status()).isEqualTo(429);
		assertThat(last.json().get("type").asString()).isEqualTo("urn:aula:problem:rate-limited");
		assertThat(last.headers().allValues("Set-Cookie")).as("a throttled refresh keeps the cookie").isEmpty();
		assertThat(cookieRefresh(browser).status()).as("the throttled cookie was not spent").isEqualTo(200);
	}

	private String newStudent() {
		String email = unique("browser");
		this.client.newStudent(email, PASSWORD);
		return email;
	}

	private Response cookieLogin(String email, String... headers) {
		return this.http.postJson("/api/auth/login?session=cookie",
				"{\"email\":%s,\"password\":%s}".formatted(json(email), json(PASSWORD)), headers);
	}

	/** A refresh as the page sends it: no body, the cookies and the CSRF header. */
	private Response cookieRefresh(Browser browser, String... headers) {
		HttpRequest.Builder request = refreshRequest().header("Cookie", browser.cookieHeader())
			.header(SessionCookies.CSRF_HEADER, browser.csrf());
		if (headers.length > 0) {
			request.headers(headers);
		}
		return send(request);
	}

	private HttpRequest.Builder refreshRequest() {
		return this.http.request("/api/auth/refresh").POST(HttpRequest.BodyPublishers.noBody());
	}

	private HttpRequest.Builder logoutRequest(String accessToken) {
		return this.http.request("/api/auth/logout")
			.header("Authorization", "Bearer " + accessToken)
			.POST(HttpRequest.BodyPublishers.noBody());
	}

	private Response send(HttpRequest.Builder request) {
		return this.http.send(request);
	}

	private long auditRows(String action, String email) {
		UUID userId = this.client.jdbc()
			.sql("SELECT id FROM users WHERE email = ?")
			.param(email)
			.query(UUID.class)
			.single();
		return this.client.jdbc()
			.sql("SELECT COUNT(*) FROM audit_log WHERE action = ? AND entity_id = ?")
			.params(action, userId.toString())
			.query(Long.class)
			.single();
	}

	private Object lastLoginOf(String email) {
		return this.client.jdbc()
			.sql("SELECT last_login_at FROM users WHERE email = ?")
			.param(email)
			.query((rs, row) -> rs.getObject(1))
			.single();
	}

	private static void assertCsrfFailed(Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(403);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("type").asString()).isEqualTo("urn:aula:problem:csrf-failed");
		assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
	}

	/** The two session cookies a browser holds. */
	record Browser(String refresh, String csrf) {

		static Browser of(Response response) {
			return new Browser(SetCookie.named(response, SessionCookies.REFRESH).value(),
					SetCookie.named(response, SessionCookies.CSRF).value());
		}

		String cookieHeader() {
			return SessionCookies.REFRESH + "=" + this.refresh + "; " + SessionCookies.CSRF + "=" + this.csrf;
		}

	}

	/**
	 * One {@code Set-Cookie} header.
	 *
	 * @param value the cookie's value
	 * @param attributes attribute names in lower case, to their values ("" for flags)
	 */
	record SetCookie(String value, Map<String, String> attributes) {

		static SetCookie named(Response response, String name) {
			List<SetCookie> found = new ArrayList<>();
			for (String header : response.headers().allValues("Set-Cookie")) {
				String[] parts = header.split(";");
				String[] pair = parts[0].split("=", 2);
				if (!pair[0].trim().equals(name)) {
					continue;
				}
				Map<String, String> attributes = new LinkedHashMap<>();
				for (int i = 1; i < parts.length; i++) {
					String[] attribute = parts[i].trim().split("=", 2);
					attributes.put(attribute[0].toLowerCase(java.util.Locale.ROOT),
							(attribute.length > 1) ? attribute[1] : "");
				}
				found.add(new SetCookie(pair[1], attributes));
			}
			assertThat(found).as("one Set-Cookie for " + name + " in " + response.headers().allValues("Set-Cookie"))
				.hasSize(1);
			return found.get(0);
		}

	}

}
