package org.aula.identity;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.aula.testsupport.RequiresPostgres;
import org.aula.testsupport.RequiresRedis;
import org.aula.testsupport.RunningAula;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The identity cleanup on PostgreSQL with every adapter on Redis, and the plan of its
 * refresh-token query with realistic volume.
 */
@RequiresPostgres
@RequiresRedis
class SharedIdentityCleanupIT extends IdentityCleanupContract {

	@Override
	Map<String, String> modeSettings() {
		return RunningAula.sharedServices();
	}

	@Test
	void findingEndedLoginsUsesIndexesInsteadOfScanning() {
		JdbcTemplate jdbc = this.aula.bean(JdbcTemplate.class);
		UUID user = UUID.randomUUID();
		jdbc.update(
				"INSERT INTO users (id, email, full_name, role, active, registered, created_at)"
						+ " VALUES (?, ?, 'Many Logins', 'STUDENT', TRUE, TRUE, now())",
				user, IdentityClient.unique("many"));
		List<Object[]> tokens = new ArrayList<>();
		Instant now = Instant.now();
		for (int family = 0; family < 2_000; family++) {
			UUID familyId = UUID.randomUUID();
			// Half the logins ended long ago, half are alive with a long history.
			Instant last = (family % 2 == 0) ? now.minus(Duration.ofDays(60)) : now.plus(Duration.ofDays(20));
			for (int i = 0; i < 10; i++) {
				Instant expires = last.minus(Duration.ofDays(10L - i));
				tokens.add(new Object[] { UUID.randomUUID(), user, familyId, UUID.randomUUID().toString(),
						Timestamp.from(expires.minus(Duration.ofDays(30))), Timestamp.from(expires) });
			}
		}
		jdbc.batchUpdate("INSERT INTO refresh_tokens (id, user_id, family_id, token_hash, created_at, expires_at)"
				+ " VALUES (?, ?, ?, ?, ?, ?)", tokens);
		jdbc.execute("ANALYZE refresh_tokens");

		String plan = String.join("\n",
				jdbc.queryForList(
						"EXPLAIN SELECT t.id FROM refresh_tokens t WHERE t.expires_at < now() - interval '7 days'"
								+ " AND NOT EXISTS (SELECT 1 FROM refresh_tokens n WHERE n.family_id = t.family_id"
								+ " AND n.expires_at >= now() - interval '7 days') ORDER BY t.expires_at LIMIT 1000",
						String.class));
		// The other tests count what a cleanup deletes.
		jdbc.update("DELETE FROM refresh_tokens WHERE user_id = ?", user);

		// An anti-join with the live tokens or a probe of each candidate's family in
		// refresh_tokens_family_expires_idx, whichever is cheaper: never a scan.
		assertThat(plan).contains("refresh_tokens_expires_idx").doesNotContain("Seq Scan");
	}

}
