package org.aula.platform.jobs;

import java.util.Map;
import java.util.UUID;

/** The job queue on the embedded H2, shared in memory by the instances of one test. */
class EmbeddedJobQueueIT extends JobQueueContract {

	@Override
	Map<String, String> modeSettings() {
		return Map.of("spring.datasource.url", "jdbc:h2:mem:jobs-" + UUID.randomUUID()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
	}

}
