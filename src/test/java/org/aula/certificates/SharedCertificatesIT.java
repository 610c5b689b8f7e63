package org.aula.certificates;

import java.util.Map;

import org.aula.testsupport.RequiresPostgres;
import org.aula.testsupport.RequiresRedis;
import org.aula.testsupport.RunningAula;

/** Certificates on PostgreSQL with every adapter on Redis. */
@RequiresPostgres
@RequiresRedis
class SharedCertificatesIT extends CertificatesContract {

	@Override
	Map<String, String> modeSettings() {
		return RunningAula.sharedServices();
	}

}
