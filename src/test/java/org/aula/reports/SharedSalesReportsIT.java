package org.aula.reports;

import java.util.Map;

import org.aula.testsupport.RequiresPostgres;
import org.aula.testsupport.RequiresRedis;
import org.aula.testsupport.RunningAula;

/** The sales reports on PostgreSQL with every adapter on Redis. */
@RequiresPostgres
@RequiresRedis
class SharedSalesReportsIT extends SalesReportsContract {

	@Override
	Map<String, String> modeSettings() {
		return RunningAula.sharedServices();
	}

}
