package org.aula.platform.jobs;

import java.util.Map;

import org.aula.testsupport.RequiresPostgres;
import org.aula.testsupport.RequiresRedis;
import org.aula.testsupport.RunningAula;

/** The job ledger cleanup on PostgreSQL. */
@RequiresPostgres
@RequiresRedis
class SharedJobLedgerCleanupIT extends JobLedgerCleanupContract {

	@Override
	Map<String, String> modeSettings() {
		return RunningAula.sharedServices();
	}

}
