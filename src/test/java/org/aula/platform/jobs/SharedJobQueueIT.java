package org.aula.platform.jobs;

import java.util.Map;

import org.aula.testsupport.RequiresPostgres;
import org.aula.testsupport.RequiresRedis;
import org.aula.testsupport.RunningAula;

/** The job queue on PostgreSQL, where workers claim jobs with SKIP LOCKED. */
@RequiresPostgres
@RequiresRedis
class SharedJobQueueIT extends JobQueueContract {

	@Override
	Map<String, String> modeSettings() {
		return RunningAula.sharedServices();
	}

}
