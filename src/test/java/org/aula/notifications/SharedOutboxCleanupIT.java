package org.aula.notifications;

import java.util.Map;

import org.aula.testsupport.RequiresPostgres;
import org.aula.testsupport.RequiresRedis;
import org.aula.testsupport.RunningAula;

/** The outbox cleanup on PostgreSQL with every adapter on Redis. */
@RequiresPostgres
@RequiresRedis
class SharedOutboxCleanupIT extends OutboxCleanupContract {

	@Override
	Map<String, String> modeSettings() {
		return RunningAula.sharedServices();
	}

}
