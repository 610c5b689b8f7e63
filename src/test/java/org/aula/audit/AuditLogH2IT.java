package org.aula.audit;

import java.util.Map;

import org.aula.testsupport.EmbeddedAulaTest;
import org.aula.testsupport.RunningAula;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The audit log on the embedded H2 database.
 */
class AuditLogH2IT extends AuditLogContract {

	static RunningAula aula;

	@BeforeAll
	static void start() {
		aula = RunningAula.start(Map.of("spring.datasource.url", EmbeddedAulaTest.H2_URL));
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
