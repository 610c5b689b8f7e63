package org.aula.platform.seeding;

import java.util.Map;

import org.aula.testsupport.RequiresPostgres;
import org.aula.testsupport.RequiresRedis;
import org.aula.testsupport.RunningAula;

/** Seeding PostgreSQL while the adapters are on Redis, as before a load test. */
@RequiresPostgres
@RequiresRedis
class SharedSeedIT extends SeedContract {

	private final Map<String, String> settings = RunningAula.sharedServices();

	@Override
	Map<String, String> databaseSettings() {
		return this.settings;
	}

}
