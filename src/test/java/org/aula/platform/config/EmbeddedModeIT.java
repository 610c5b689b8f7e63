package org.aula.platform.config;

import java.nio.file.Path;
import java.util.Map;

import org.aula.testsupport.RunningAula;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With no settings at all Aula runs on an H2 file and in-memory adapters, and what it
 * stored is still there after a restart.
 */
class EmbeddedModeIT {

	@TempDir
	Path dataDirectory;

	@Test
	void defaultsToH2FileUnderDataDirectory() {
		try (RunningAula aula = RunningAula.start(Map.of("spring.datasource.url",
				"jdbc:h2:mem:defaults;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1"))) {
			String configured = aula.context()
				.getEnvironment()
				.getPropertySources()
				.stream()
				.filter((source) -> source.getName().contains("application.yaml"))
				.map((source) -> (String) source.getProperty("spring.datasource.url"))
				.findFirst()
				.orElseThrow();
			assertThat(configured).startsWith("${AULA_DATABASE_URL:jdbc:h2:file:./data/aula;MODE=PostgreSQL");
			for (SwitchableAdapter adapter : SwitchableAdapter.values()) {
				assertThat(aula.context().getEnvironment().getProperty(adapter.property())).isEqualTo("memory");
			}
			assertThat(aula.http().get("/api/ready").status()).isEqualTo(200);
		}
	}

	@Test
	void keepsDataAcrossRestarts() {
		String url = "jdbc:h2:file:" + this.dataDirectory.resolve("aula")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE";
		try (RunningAula first = RunningAula.start(Map.of("spring.datasource.url", url))) {
			first.bean(JdbcClient.class)
				.sql("insert into event_publication (id, listener_id, event_type, serialized_event, publication_date)"
						+ " values (random_uuid(), 'restart-probe', 'Probe', '{}', current_timestamp)")
				.update();
		}
		try (RunningAula second = RunningAula.start(Map.of("spring.datasource.url", url))) {
			assertThat(second.bean(JdbcClient.class)
				.sql("select count(*) from event_publication where listener_id = 'restart-probe'")
				.query(Integer.class)
				.single()).isOne();
		}
	}

}
