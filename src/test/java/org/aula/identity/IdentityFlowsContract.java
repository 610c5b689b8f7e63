package org.aula.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.aula.identity.IdentityClient.Tokens;
import org.aula.testsupport.HttpApi.Response;
import org.aula.testsupport.RunningAula;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import static org.aula.identity.IdentityClient.json;
import static org.aula.identity.IdentityClient.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The identity flows through real HTTP, run once on the embedded mode and once on
 * PostgreSQL and Redis: the behaviour must be the same.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class IdentityFlowsContract {

	static final String PASSWORD = "correct-horse-battery";

	RunningAula aula;

	IdentityClient client;

	/** Settings of the mode under test; the common ones are added. */
	abstract Map<String, String> modeSettings();

	@BeforeAll
	void start() {
		Map<String, String> settings = new LinkedHashMap<>(modeSettings());
		settings.put("aula.admin.email", IdentityClient.ADMIN_EMAIL);
		settings.put("aula.admin.password", IdentityClient.ADMIN_PASSWORD);
		settings.put("aula.identity.self-registration", "true");
		settings.put("aula.demo.enabled", "false");
		settings.put("aula.identity.throttle.login-failures-per-account", "1000");
		settings.put("aula.identity.throttle.login-attempts-per-address", "1000");
		settings.put("aula.identity.throttle.register-per-address", "1000");
		settings.put("aula.identity.throttle.forgot-per-address", "1000");
		this.aula = RunningAula.start(settings);
		this.client = new IdentityClient(this.aula);
	}

	@AfterAll
	void stop() {
		if (this.aula != null) {
			this.aula.close();
		}
	}

	@Test
	void signsInAndShowsTheCurrentUser() {
		String email = unique("ana");
		Tokens tokens = this.client.newStudent(email.toUpperCase(), PASSWORD);
		Response login = this.client.login(" " + email.toUpperCase() + " ", PASSWORD);
		assertThat(login.status()).isEqualTo(200);
		assertThat(login.json().get("tokenType").asString()).isEqualTo("Bearer");
		assertThat(login.json().get("expiresIn").asLong()).isEqualTo(900);

		JsonNode me = this.client.get("/api/me", tokens).json();
		assertThat(me.get("email").asString()).isEqualTo(email);
		assertThat(me.get("role").asString()).isEqualTo("STUDENT");
		assertThat(me.get("registered").asBoolean()).isTrue();
		assertThat(me.has("passwordHash")).isFalse();
	}

	@Test
	void wrongPasswordAndUnknownEmailAreIndistinguishable() {
		String email = unique("ben");
		this.client.newStudent(email, PASSWORD);
		Response wrongPassword = this.client.login(email, "not-the-password");
		Response unknownEmail = this.client.login(unique("nobody"), "not-the-password");
		assertThat(wrongPassword.status()).isEqualTo(401).isEqualTo(unknownEmail.status());
		assertThat(strip(wrongPassword.json())).isEqualTo(strip(unknownEmail.json()));
		assertThat(wrongPassword.json().get("type").asString()).isEqualTo("urn:aula:problem:invalid-credentials");

		long known = medianMillis(() -> this.client.login(email, "not-the-password"));
		long unknown = medianMillis(() -> this.client.login(unique("nobody"), "not-the-password"));
		assertThat((double) Math.max(known, unknown) / Math.max(1, Math.min(known, unknown)))
			.as("known %d ms vs unknown %d ms", known, unknown)
			.isLessThan(3.0);
	}

	@Test
	void refreshRotatesAndTheOldTokenDies() {
		Tokens first = this.client.newStudent(unique("carla"), PASSWORD);
		Response rotated = this.client.refresh(first.refresh());
		assertThat(rotated.status()).isEqualTo(200);
		String nextRefresh = rotated.json().get("refreshToken").asString();
		assertThat(nextRefresh).isNotEqualTo(first.refresh());
		assertThat(this.client.get("/api/me", new Tokens(rotated.json().get("accessToken").asString(), nextRefresh))
			.status()).isEqualTo(200);
	}

	@Test
	void reusedRefreshTokenRevokesTheWholeFamily() {
		Tokens first = this.client.newStudent(unique("dan"), PASSWORD);
		Response rotated = this.client.refresh(first.refresh());
		Tokens second = new Tokens(rotated.json().get("accessToken").asString(),
				rotated.json().get("refreshToken").asString());

		Response reuse = this.client.refresh(first.refresh());

		assertThat(reuse.status()).isEqualTo(401);
		assertThat(reuse.json().get("type").asString()).isEqualTo("urn:aula:problem:invalid-refresh-token");
		assertThat(this.client.refresh(second.refresh()).status()).as("descendant refresh token").isEqualTo(401);
		assertThat(this.client.get("/api/me", second).status()).as("access token of the family").isEqualTo(401);
	}

	@Test
	void logoutEndsTheSessionAtOnce() {
		String email = unique("eve");
		Tokens session = this.client.newStudent(email, PASSWORD);
		Tokens other = this.client.signIn(email, PASSWORD);

		Response logout = this.client.post("/api/auth/logout",
				"{\"refreshToken\":%s}".formatted(json(session.refresh())), session);

		assertThat(logout.status()).isEqualTo(204);
		assertThat(this.client.get("/api/me", session).status()).isEqualTo(401);
		assertThat(this.client.refresh(session.refresh()).status()).isEqualTo(401);
		assertThat(this.client.get("/api/me", other).status()).as("another session").isEqualTo(200);
	}

	@Test
	void invitedUserRegistersWithTheInvitedRole() {
		Tokens admin = this.client.admin();
		String email = unique("teacher");
		Response invited = this.client.post("/api/admin/invitations",
				"{\"email\":%s,\"role\":\"TEACHER\"}".formatted(json(email)), admin);
		assertThat(invited.status()).as(invited.body()).isEqualTo(201);
		assertThat(invited.body()).doesNotContain("token");
		String token = this.client.tokenMailedTo(email);

		Response wrongEmail = register(unique("other"), token);
		assertThat(wrongEmail.status()).isEqualTo(400);

		Response registered = register(email, token);
		assertThat(registered.status()).as(registered.body()).isEqualTo(201);
		assertThat(registered.json().get("role").asString()).isEqualTo("TEACHER");
		assertThat(register(email, token).status()).as("single use").isIn(400, 409);

		JsonNode listed = this.client.get("/api/admin/invitations", admin).json();
		assertThat(listed.get("items").findValuesAsString("email")).contains(email);
		Tokens teacher = this.client.signIn(email, PASSWORD);
		assertThat(this.client.get("/api/me", teacher).json().get("role").asString()).isEqualTo("TEACHER");
	}

	@Test
	void withdrawnInvitationCannotBeUsed() {
		Tokens admin = this.client.admin();
		String email = unique("withdrawn");
		String id = this.client
			.post("/api/admin/invitations", "{\"email\":%s,\"role\":\"STUDENT\"}".formatted(json(email)), admin)
			.json()
			.get("id")
			.asString();
		String token = this.client.tokenMailedTo(email);
		assertThat(this.client.delete("/api/admin/invitations/" + id, admin).status()).isEqualTo(204);
		Response attempt = register(email, token);
		assertThat(attempt.status()).isEqualTo(400);
		assertThat(attempt.json().get("type").asString()).isEqualTo("urn:aula:problem:invalid-invitation");
		assertThat(this.client.delete("/api/admin/invitations/" + java.util.UUID.randomUUID(), admin).status())
			.isEqualTo(404);
	}

	@Test
	void passwordResetWorksOnceAndEndsEverySession() {
		String email = unique("frank");
		Tokens before = this.client.newStudent(email, PASSWORD);
		assertThat(forgot(email).status()).isEqualTo(202);
		assertThat(forgot(unique("ghost")).status()).isEqualTo(202);
		String token = this.client.tokenMailedTo(email);

		Response reset = this.client.http.postJson("/api/auth/password/reset",
				"{\"token\":%s,\"newPassword\":\"a-brand-new-passphrase\"}".formatted(json(token)));
		assertThat(reset.status()).as(reset.body()).isEqualTo(204);

		assertThat(this.client.get("/api/me", before).status()).isEqualTo(401);
		assertThat(this.client.refresh(before.refresh()).status()).isEqualTo(401);
		assertThat(this.client.login(email, PASSWORD).status()).isEqualTo(401);
		assertThat(this.client.login(email, "a-brand-new-passphrase").status()).isEqualTo(200);
		Response again = this.client.http.postJson("/api/auth/password/reset",
				"{\"token\":%s,\"newPassword\":\"yet-another-passphrase\"}".formatted(json(token)));
		assertThat(again.status()).isEqualTo(400);
		assertThat(again.json().get("type").asString()).isEqualTo("urn:aula:problem:invalid-reset-token");
	}

	@Test
	void passwordChangeNeedsTheCurrentPasswordAndEndsOtherSessions() {
		String email = unique("gina");
		Tokens current = this.client.newStudent(email, PASSWORD);
		Tokens other = this.client.signIn(email, PASSWORD);

		Response wrong = this.client.patch("/api/me",
				"{\"currentPassword\":\"guess-guess-guess\",\"newPassword\":\"a-better-passphrase\"}", current);
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.json().get("errors").findValuesAsString("field")).containsExactly("currentPassword");

		Response changed = this.client.patch("/api/me",
				"{\"currentPassword\":%s,\"newPassword\":\"a-better-passphrase\"}".formatted(json(PASSWORD)), current);
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		assertThat(this.client.get("/api/me", current).status()).as("this session").isEqualTo(200);
		assertThat(this.client.get("/api/me", other).status()).as("other session").isEqualTo(401);
		assertThat(this.client.refresh(other.refresh()).status()).isEqualTo(401);
	}

	@Test
	void changesTheDisplayNameAndAuditsIt() {
		Tokens tokens = this.client.newStudent(unique("lena"), PASSWORD);
		Response renamed = this.client.patch("/api/me", "{\"fullName\":\"  Lena Lopez \"}", tokens);
		assertThat(renamed.status()).isEqualTo(200);
		assertThat(renamed.json().get("fullName").asString()).isEqualTo("Lena Lopez");
		assertThat(this.client.patch("/api/me", "{\"fullName\":\"   \"}", tokens).status()).isEqualTo(400);
		String id = renamed.json().get("id").asString();
		assertThat(this.client.jdbc()
			.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'user.update' AND entity_id = ?")
			.param(id)
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void rejectsWeakPasswordsWithFieldErrors() {
		for (String weak : List.of("short", "password123", "x".repeat(129))) {
			Response response = this.client.http.postJson("/api/auth/register",
					"{\"email\":%s,\"password\":%s,\"fullName\":\"W\"}".formatted(json(unique("weak")), json(weak)));
			assertThat(response.status()).as(weak).isEqualTo(400);
			assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("password");
		}
	}

	@Test
	void rejectsDuplicateEmailCaseInsensitively() {
		String email = unique("henry");
		this.client.newStudent(email, PASSWORD);
		Response duplicate = this.client.http.postJson("/api/auth/register",
				"{\"email\":%s,\"password\":%s,\"fullName\":\"H\"}".formatted(json(email.toUpperCase()),
						json(PASSWORD)));
		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(duplicate.json().get("type").asString()).isEqualTo("urn:aula:problem:email-taken");
	}

	@Test
	void deactivatingAUserRevokesTheirTokensAtOnce() {
		Tokens admin = this.client.admin();
		String email = unique("ivan");
		Tokens student = this.client.newStudent(email, PASSWORD);
		String id = this.client.get("/api/me", student).json().get("id").asString();

		JsonNode found = this.client.get("/api/admin/users?q=" + email.substring(0, 10) + "&role=STUDENT", admin)
			.json();
		assertThat(found.get("items").findValuesAsString("email")).contains(email);

		Response deactivated = this.client.patch("/api/admin/users/" + id, "{\"active\":false}", admin);
		assertThat(deactivated.status()).as(deactivated.body()).isEqualTo(200);
		assertThat(deactivated.json().get("active").asBoolean()).isFalse();
		assertThat(this.client.get("/api/me", student).status()).isEqualTo(401);
		assertThat(this.client.refresh(student.refresh()).status()).isEqualTo(401);
		assertThat(this.client.login(email, PASSWORD).status()).isEqualTo(401);
	}

	@Test
	void theLastActiveAdminCannotBeDemoted() {
		Tokens admin = this.client.admin();
		String id = this.client.get("/api/me", admin).json().get("id").asString();
		long admins = this.client.jdbc()
			.sql("SELECT COUNT(*) FROM users WHERE role = 'ADMIN' AND active")
			.query(Long.class)
			.single();
		if (admins == 1) {
			Response demote = this.client.patch("/api/admin/users/" + id, "{\"role\":\"STUDENT\"}", admin);
			assertThat(demote.status()).isEqualTo(409);
			assertThat(demote.json().get("type").asString()).isEqualTo("urn:aula:problem:last-admin");
		}
		assertThat(this.client.get("/api/me", admin).json().get("role").asString()).isEqualTo("ADMIN");
	}

	@Test
	void studentsCannotUseAdminEndpoints() {
		Tokens student = this.client.newStudent(unique("jane"), PASSWORD);
		assertThat(this.client.get("/api/admin/users", student).status()).isEqualTo(403);
		assertThat(this.client.post("/api/admin/invitations", "{\"email\":\"x@y.org\",\"role\":\"ADMIN\"}", student)
			.status()).isEqualTo(403);
	}

	@Test
	void auditRecordsSecurityEventsWithoutSecrets() {
		String email = unique("kim");
		Tokens tokens = this.client.newStudent(email, PASSWORD);
		this.client.login(email, "wrong-password-here");
		this.client.refresh(tokens.refresh());
		String userId = this.client.get("/api/me", tokens).json().get("id").asString();

		List<String> actions = this.client.jdbc()
			.sql("SELECT action FROM audit_log WHERE entity_id = ? OR changes LIKE ?")
			.params(userId, "%" + email + "%")
			.query(String.class)
			.list();
		assertThat(actions).contains("user.register", "auth.login", "auth.login.failed");

		List<String> everything = this.client.jdbc()
			.sql("SELECT COALESCE(changes, '') || ' ' || COALESCE(user_agent, '') FROM audit_log")
			.query(String.class)
			.list();
		assertThat(everything).noneMatch((row) -> row.contains(PASSWORD) || row.contains("wrong-password-here")
				|| row.contains(tokens.refresh()) || row.contains(tokens.access()) || row.contains("argon2"));

		Tokens admin = this.client.admin();
		JsonNode page = this.client.get("/api/admin/audit?action=auth.login.failed&size=5", admin).json();
		assertThat(page.get("items").size()).isPositive();
	}

	private Response register(String email, String token) {
		return this.client.http.postJson("/api/auth/register",
				"{\"email\":%s,\"password\":%s,\"fullName\":\"Invited Person\",\"invitationToken\":%s}"
					.formatted(json(email), json(PASSWORD), json(token)));
	}

	private Response forgot(String email) {
		return this.client.http.postJson("/api/auth/password/forgot", "{\"email\":%s}".formatted(json(email)));
	}

	private static JsonNode strip(JsonNode problem) {
		var copy = (tools.jackson.databind.node.ObjectNode) problem.deepCopy();
		copy.remove("requestId");
		return copy;
	}

	private static long medianMillis(Runnable call) {
		long[] times = new long[5];
		for (int i = 0; i < times.length; i++) {
			long start = System.nanoTime();
			call.run();
			times[i] = (System.nanoTime() - start) / 1_000_000;
		}
		java.util.Arrays.sort(times);
		return times[2];
	}

}
