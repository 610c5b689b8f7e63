package org.aula.catalog;

import java.util.Map;

import org.aula.testsupport.RequiresPostgres;
import org.aula.testsupport.RequiresRedis;
import org.aula.testsupport.RunningAula;

/** The catalog on PostgreSQL with every adapter, the cache included, on Redis. */
@RequiresPostgres
@RequiresRedis
class SharedCatalogIT extends CatalogContract {

	@Override
	Map<String, String> modeSettings() {
		return RunningAula.sharedServices();
	}

}
