package org.aula.platform.config;

import java.util.Arrays;
import java.util.UUID;

import org.aula.testsupport.ExternalServices;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every migration applies cleanly from an empty database on both databases Aula supports,
 * and applying again changes nothing.
 */
class MigrationsIT {

	@Test
	void migratesEmptyH2() {
		String url = "jdbc:h2:mem:migrations-" + UUID.randomUUID()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE;DB_CLOSE_DELAY=-1";
		assertMigratesCleanly(flyway(url, "sa", "", "h2"));
	}

	@Test
	void migratesEmptyPostgres() {
		String url = ExternalServices.freshPostgresDatabase();
		assertMigratesCleanly(
				flyway(url, ExternalServices.POSTGRES_USER, ExternalServices.POSTGRES_PASSWORD, "postgresql"));
	}

	@Test
	void vendorFoldersDefineTheSameMigrations() {
		String[] h2 = versions(flyway("jdbc:h2:mem:v-" + UUID.randomUUID(), "sa", "", "h2"));
		String[] postgres = versions(flyway("jdbc:h2:mem:v-" + UUID.randomUUID(), "sa", "", "postgresql"));
		assertThat(h2).containsExactly(postgres);
	}

	private static void assertMigratesCleanly(Flyway flyway) {
		MigrateResult first = flyway.migrate();
		assertThat(first.success).isTrue();
		assertThat(first.migrationsExecuted).isPositive();
		assertThat(flyway.info().pending()).isEmpty();
		assertThat(Arrays.stream(flyway.info().applied()).map(MigrationInfo::getState))
			.allMatch((state) -> state == MigrationState.SUCCESS);
		flyway.validate();
		assertThat(flyway.migrate().migrationsExecuted).isZero();
	}

	private static String[] versions(Flyway flyway) {
		return Arrays.stream(flyway.info().all())
			.map((info) -> info.getVersion() + " " + info.getDescription())
			.toArray(String[]::new);
	}

	private static Flyway flyway(String url, String user, String password, String vendor) {
		if (vendor.equals("postgresql") && url.startsWith("jdbc:postgresql")) {
			ExternalServices.requirePostgres();
		}
		return Flyway.configure()
			.dataSource(url, user, password)
			.locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
			.failOnMissingLocations(true)
			.load();
	}

}
