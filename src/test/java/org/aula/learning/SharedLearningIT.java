package org.aula.learning;

import java.util.Map;

import org.aula.testsupport.RequiresPostgres;
import org.aula.testsupport.RequiresRedis;
import org.aula.testsupport.RunningAula;

/** The learning flows on PostgreSQL with every adapter on Redis. */
@RequiresPostgres
@RequiresRedis
class SharedLearningIT extends LearningFlowsContract {

	@Override
	Map<String, String> modeSettings() {
		return RunningAula.sharedServices();
	}

}
