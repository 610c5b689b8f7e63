package org.aula.capacity;

import java.util.Map;

import org.aula.testsupport.RequiresPostgres;
import org.aula.testsupport.RequiresRedis;
import org.aula.testsupport.RunningAula;

/**
 * The capacity advice on PostgreSQL with every adapter on Redis: stage 2, active users
 * counted in Redis.
 */
@RequiresPostgres
@RequiresRedis
class SharedCapacityIT extends CapacityContract {

	@Override
	Map<String, String> modeSettings() {
		return RunningAula.sharedServices();
	}

	@Override
	int expectedStage() {
		return 2;
	}

}
