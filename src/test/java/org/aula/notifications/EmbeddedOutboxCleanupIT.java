package org.aula.notifications;

import java.util.Map;
import java.util.UUID;

import org.aula.testsupport.EmbeddedAulaTest;

/** The outbox cleanup on H2. */
class EmbeddedOutboxCleanupIT extends OutboxCleanupContract {

	@Override
	Map<String, String> modeSettings() {
		return Map.of("spring.datasource.url",
				EmbeddedAulaTest.H2_URL.replace("${random.uuid}", UUID.randomUUID().toString()));
	}

}
