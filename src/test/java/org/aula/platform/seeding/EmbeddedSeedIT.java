package org.aula.platform.seeding;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;

/** Seeding the embedded H2 database in its file, as on a fresh machine. */
class EmbeddedSeedIT extends SeedContract {

	@TempDir
	Path data;

	@Override
	Map<String, String> databaseSettings() {
		return Map.of("spring.datasource.url", "jdbc:h2:file:" + this.data.resolve("aula")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE");
	}

}
