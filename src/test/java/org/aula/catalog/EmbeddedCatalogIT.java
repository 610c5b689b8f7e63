package org.aula.catalog;

import java.util.Map;
import java.util.UUID;

import org.aula.testsupport.EmbeddedAulaTest;

/** The catalog on H2 with every adapter in memory. */
class EmbeddedCatalogIT extends CatalogContract {

	@Override
	Map<String, String> modeSettings() {
		return Map.of("spring.datasource.url",
				EmbeddedAulaTest.H2_URL.replace("${random.uuid}", UUID.randomUUID().toString()));
	}

}
