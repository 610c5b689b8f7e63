package org.aula.identity;

import java.util.Map;

import org.aula.testsupport.RequiresPostgres;
import org.aula.testsupport.RequiresRedis;
import org.aula.testsupport.RunningAula;

/** The identity cleanup on PostgreSQL with every adapter on Redis. */
@RequiresPostgres
@RequiresRedis
class SharedIdentityCleanupIT extends IdentityCleanupContract {

	@Override
	Map<String, String> modeSettings() {
		return RunningAula.sharedServices();
	}

}
