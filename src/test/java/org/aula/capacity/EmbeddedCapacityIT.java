package org.aula.capacity;

import java.util.Map;
import java.util.UUID;

import org.aula.testsupport.EmbeddedAulaTest;

/** The capacity advice on H2 with every adapter in memory: stage 1. */
class EmbeddedCapacityIT extends CapacityContract {

	@Override
	Map<String, String> modeSettings() {
		return Map.of("spring.datasource.url",
				EmbeddedAulaTest.H2_URL.replace("${random.uuid}", UUID.randomUUID().toString()));
	}

	@Override
	int expectedStage() {
		return 1;
	}

}
