package org.aula.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.aula.testsupport.ExternalServices;
import org.aula.testsupport.RequiresPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Archiving the audit log on a freshly migrated PostgreSQL database, and the query plans
 * of the archive's searches and of the archiving batches with realistic volume.
 */
@RequiresPostgres
class AuditArchivePostgresIT extends AuditArchiveContract {

	@Override
	Map<String, String> modeSettings() {
		return Map.of("spring.datasource.url", ExternalServices.freshPostgresDatabase(), "spring.datasource.username",
				ExternalServices.POSTGRES_USER, "spring.datasource.password", ExternalServices.POSTGRES_PASSWORD);
	}

	@Test
	void archiveSearchesAndArchivingBatchesUseTheirIndexes() {
		JdbcTemplate jdbc = this.aula.bean(JdbcTemplate.class);
		List<UUID> actors = new ArrayList<>();
		for (int i = 0; i < 500; i++) {
			actors.add(UUID.randomUUID());
		}
		List<Object[]> rows = new ArrayList<>();
		Instant start = Instant.now().minusSeconds(3L * 365 * 24 * 3600);
		for (int i = 0; i < 30_000; i++) {
			rows.add(new Object[] { UUID.randomUUID(), Timestamp.from(start.plusSeconds(i * 1800L)),
					actors.get(i % actors.size()), "action.number-" + (i % 40), "type" + (i % 12), "e-" + i });
		}
		for (String table : List.of("audit_log", "audit_log_archive")) {
			String archivedAt = table.equals("audit_log_archive") ? ", archived_at" : "";
			String now = table.equals("audit_log_archive") ? ", now()" : "";
			jdbc.batchUpdate("insert into " + table + " (id, occurred_at, actor_id, action, entity_type, entity_id,"
					+ " changes" + archivedAt + ") values (?, ?, ?, ?, ?, ?, '{}'" + now + ")", rows);
			jdbc.execute("analyze " + table);
		}
		String page = " order by occurred_at desc, id desc limit 20";

		assertThat(explain(jdbc, "select * from audit_log_archive where actor_id = '" + actors.get(7) + "'" + page))
			.contains("audit_log_archive_by_actor_idx")
			.doesNotContain("Seq Scan");
		assertThat(explain(jdbc, "select count(*) from audit_log_archive where actor_id = '" + actors.get(7) + "'"))
			.contains("audit_log_archive_by_actor_idx")
			.doesNotContain("Seq Scan");
		// A common action may be read along the time index until a page is full.
		assertThat(explain(jdbc, "select * from audit_log_archive where action = 'action.number-3'" + page))
			.containsPattern("audit_log_archive_by_(action|time)_idx")
			.doesNotContain("Seq Scan");
		assertThat(explain(jdbc, "select count(*) from audit_log_archive where action = 'action.number-3'"))
			.contains("audit_log_archive_by_action_idx")
			.doesNotContain("Seq Scan");
		assertThat(explain(jdbc, "select * from audit_log_archive where entity_type = 'type5'" + page))
			.containsPattern("audit_log_archive_by_(entity|time)_idx")
			.doesNotContain("Seq Scan");
		assertThat(explain(jdbc,
				"select * from audit_log_archive where occurred_at >= now() - interval '30 days'"
						+ " and occurred_at < now()" + page))
			.contains("audit_log_archive_by_time_idx")
			.doesNotContain("Seq Scan");
		assertThat(explain(jdbc,
				"select id from audit_log where occurred_at < now() - interval '180 days'"
						+ " order by occurred_at, id limit 500"))
			.contains("audit_log_by_time_idx")
			.doesNotContain("Seq Scan");
	}

	private static String explain(JdbcTemplate jdbc, String sql) {
		return String.join("\n", jdbc.queryForList("explain " + sql, String.class));
	}

}
