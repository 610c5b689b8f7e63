package org.aula.audit;

import java.util.Map;

import org.aula.testsupport.ExternalServices;
import org.aula.testsupport.RequiresPostgres;

/** Archiving the audit log on a freshly migrated PostgreSQL database. */
@RequiresPostgres
class AuditArchivePostgresIT extends AuditArchiveContract {

	@Override
	Map<String, String> modeSettings() {
		return Map.of("spring.datasource.url", ExternalServices.freshPostgresDatabase(), "spring.datasource.username",
				ExternalServices.POSTGRES_USER, "spring.datasource.password", ExternalServices.POSTGRES_PASSWORD);
	}

}
