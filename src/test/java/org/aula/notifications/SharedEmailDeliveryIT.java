package org.aula.notifications;

import java.util.Map;

import org.aula.testsupport.RequiresPostgres;
import org.aula.testsupport.RequiresRedis;
import org.aula.testsupport.RunningAula;

/** Email delivery on PostgreSQL with every adapter on Redis. */
@RequiresPostgres
@RequiresRedis
class SharedEmailDeliveryIT extends EmailDeliveryContract {

	@Override
	Map<String, String> modeSettings() {
		return RunningAula.sharedServices();
	}

}
