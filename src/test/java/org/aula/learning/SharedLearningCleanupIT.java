package org.aula.learning;

import java.util.Map;

import org.aula.testsupport.RequiresPostgres;
import org.aula.testsupport.RequiresRedis;
import org.aula.testsupport.RunningAula;

/** The learning cleanup on PostgreSQL with every adapter on Redis. */
@RequiresPostgres
@RequiresRedis
class SharedLearningCleanupIT extends LearningCleanupContract {

	@Override
	Map<String, String> modeSettings() {
		return RunningAula.sharedServices();
	}

}
