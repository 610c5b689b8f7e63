package org.aula.audit;

import java.util.Map;

import org.aula.testsupport.ExternalServices;
import org.aula.testsupport.RequiresPostgres;
import org.aula.testsupport.RunningAula;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The audit log on a freshly migrated PostgreSQL database.
 */
@RequiresPostgres
class AuditLogPostgresIT extends AuditLogContract {

	static RunningAula aula;

	@BeforeAll
	static void start() {
		aula = RunningAula.start(Map.of("spring.datasource.url", ExternalServices.freshPostgresDatabase(),
				"spring.datasource.username", ExternalServices.POSTGRES_USER, "spring.datasource.password",
				ExternalServices.POSTGRES_PASSWORD));
	}

	@AfterAll
	static void stop() {
		if (aula != null) {
			aula.close();
		}
	}

	@Override
	RunningAula aula() {
		return aula;
	}

}
