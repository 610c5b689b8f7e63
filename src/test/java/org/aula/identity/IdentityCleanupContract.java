package org.aula.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.aula.identity.IdentityClient.Tokens;
import org.aula.platform.jdbc.Timestamps;
import org.aula.platform.security.OpaqueTokens;
import org.aula.testsupport.HttpApi.Response;
import org.aula.testsupport.JobRuns;
import org.aula.testsupport.RunningAula;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.aula.identity.IdentityClient.unique;

/**
 * The daily identity cleanup, the same on every database, with the default retentions
 * (refresh tokens 7 days after their login ended, invitations 30 days and password resets
 * 7 days after they expired) and batches of two rows, so every deletion takes several.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class IdentityCleanupContract {

	static final String TYPE = "identity.cleanup";

	RunningAula aula;

	IdentityClient client;

	JdbcClient jdbc;

	/** Settings of the mode under test, a fresh database each time it is called. */
	abstract Map<String, String> modeSettings();

	@BeforeAll
	void start() {
		Map<String, String> settings = new LinkedHashMap<>(modeSettings());
		settings.put("aula.identity.self-registration", "true");
		settings.put("aula.demo.enabled", "false");
		settings.put("aula.identity.cleanup.batch-size", "2");
		this.aula = RunningAula.start(settings);
		this.client = new IdentityClient(this.aula);
		this.jdbc = this.aula.bean(JdbcClient.class);
	}

	@AfterAll
	void stop() {
		if (this.aula != null) {
			this.aula.close();
		}
	}

	@Test
	void theCleanupIsScheduledDaily() {
		assertThat(JobRuns.isScheduled(this.aula, TYPE)).isTrue();
	}

	@Test
	void deletesTheRefreshTokensOfLoginsThatEndedLongerAgoThanTheRetention() {
		UUID user = user();
		UUID endedFamily = UUID.randomUUID();
		List<UUID> ended = List.of(refreshToken(user, endedFamily, daysAgo(10)),
				refreshToken(user, endedFamily, daysAgo(9)), refreshToken(user, endedFamily, daysAgo(8)));
		UUID longEndedFamily = UUID.randomUUID();
		List<UUID> longEnded = List.of(refreshToken(user, longEndedFamily, daysAgo(60)),
				refreshToken(user, longEndedFamily, daysAgo(31)));
		UUID liveFamily = UUID.randomUUID();
		List<UUID> live = List.of(refreshToken(user, liveFamily, daysAgo(40)),
				refreshToken(user, liveFamily, daysAgo(-20)));
		UUID recentlyEndedFamily = UUID.randomUUID();
		List<UUID> recentlyEnded = List.of(refreshToken(user, recentlyEndedFamily, daysAgo(20)),
				refreshToken(user, recentlyEndedFamily, daysAgo(6)));

		JsonNode job = JobRuns.runToSuccess(this.aula, TYPE);

		assertThat(existing("refresh_tokens", ended)).isEmpty();
		assertThat(existing("refresh_tokens", longEnded)).isEmpty();
		assertThat(existing("refresh_tokens", live)).containsExactlyInAnyOrderElementsOf(live);
		assertThat(existing("refresh_tokens", recentlyEnded)).containsExactlyInAnyOrderElementsOf(recentlyEnded);
		assertThat(job.get("progressMessage").asString()).startsWith("5 refresh tokens, ");
	}

	@Test
	void aSpentRefreshTokenOfALiveLoginStillEndsTheSessionAfterTheCleanup() {
		String email = unique("replay");
		Tokens first = this.client.newStudent(email, "correct-horse-battery");
		Response rotated = this.client.refresh(first.refresh());
		assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
		String current = rotated.json().get("refreshToken").asString();
		// The spent token expired long ago; its login lives on in the token it was
		// rotated into.
		this.jdbc.sql("UPDATE refresh_tokens SET expires_at = ? WHERE token_hash = ?")
			.params(Timestamps.of(daysAgo(60)), OpaqueTokens.hash(first.refresh()))
			.update();

		JobRuns.runToSuccess(this.aula, TYPE);

		assertThat(this.client.refresh(first.refresh()).status()).isEqualTo(401);
		assertThat(this.client.refresh(current).status()).as("the login whose spent token was replayed").isEqualTo(401);
	}

	@Test
	void deletesInvitationsWhoseLinkExpiredLongerAgoThanTheRetention() {
		UUID user = user();
		List<UUID> expired = List.of(invitation(user, daysAgo(40), "accepted_at"),
				invitation(user, daysAgo(35), "revoked_at"), invitation(user, daysAgo(31), null));
		List<UUID> kept = List.of(invitation(user, daysAgo(29), null), invitation(user, daysAgo(29), "accepted_at"),
				invitation(user, daysAgo(-5), null));

		JobRuns.runToSuccess(this.aula, TYPE);

		assertThat(existing("invitations", expired)).isEmpty();
		assertThat(existing("invitations", kept)).containsExactlyInAnyOrderElementsOf(kept);
	}

	@Test
	void deletesPasswordResetsThatExpiredLongerAgoThanTheRetention() {
		UUID user = user();
		List<UUID> expired = List.of(passwordReset(user, daysAgo(8), true), passwordReset(user, daysAgo(10), false),
				passwordReset(user, daysAgo(30), false));
		List<UUID> kept = List.of(passwordReset(user, daysAgo(6), true),
				passwordReset(user, Instant.now().plus(Duration.ofMinutes(20)), false));

		JobRuns.runToSuccess(this.aula, TYPE);

		assertThat(existing("password_resets", expired)).isEmpty();
		assertThat(existing("password_resets", kept)).containsExactlyInAnyOrderElementsOf(kept);
	}

	private static Instant daysAgo(int days) {
		return Instant.now().minus(Duration.ofDays(days));
	}

	private UUID user() {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO users (id, email, full_name, role, active, registered, created_at)
				VALUES (?, ?, 'Aged Data', 'STUDENT', TRUE, TRUE, ?)
				""").params(id, unique("aged"), Timestamps.of(daysAgo(400))).update();
		return id;
	}

	private UUID refreshToken(UUID user, UUID family, Instant expiresAt) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO refresh_tokens (id, user_id, family_id, token_hash, created_at, expires_at, used_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)
				""")
			.params(id, user, family, OpaqueTokens.hash(id.toString()),
					Timestamps.of(expiresAt.minus(Duration.ofDays(30))), Timestamps.of(expiresAt),
					Timestamps.of(expiresAt.minus(Duration.ofDays(29))))
			.update();
		return id;
	}

	private UUID invitation(UUID user, Instant expiresAt, String endedBy) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				INSERT INTO invitations (id, user_id, email, role, token_hash, created_at, expires_at)
				VALUES (?, ?, ?, 'TEACHER', ?, ?, ?)
				""")
			.params(id, user, unique("invited"), OpaqueTokens.hash(id.toString()),
					Timestamps.of(expiresAt.minus(Duration.ofDays(7))), Timestamps.of(expiresAt))
			.update();
		if (endedBy != null) {
			this.jdbc.sql("UPDATE invitations SET " + endedBy + " = created_at WHERE id = ?").param(id).update();
		}
		return id;
	}

	private UUID passwordReset(UUID user, Instant expiresAt, boolean used) {
		UUID id = UUID.randomUUID();
		Instant created = expiresAt.minus(Duration.ofMinutes(30));
		this.jdbc.sql("""
				INSERT INTO password_resets (id, user_id, token_hash, created_at, expires_at, used_at)
				VALUES (?, ?, ?, ?, ?, ?)
				""")
			.params(id, user, OpaqueTokens.hash(id.toString()), Timestamps.of(created), Timestamps.of(expiresAt),
					used ? Timestamps.of(created.plusSeconds(60)) : null)
			.update();
		return id;
	}

	private List<UUID> existing(String table, List<UUID> ids) {
		return this.jdbc.sql("SELECT id FROM " + table + " WHERE id IN (:ids)")
			.param("ids", ids)
			.query(UUID.class)
			.list();
	}

}
