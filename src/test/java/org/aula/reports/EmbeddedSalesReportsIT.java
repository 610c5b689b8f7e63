package org.aula.reports;

import java.util.Map;
import java.util.UUID;

import org.aula.testsupport.EmbeddedAulaTest;

/** The sales reports on H2 with every adapter in memory. */
class EmbeddedSalesReportsIT extends SalesReportsContract {

	@Override
	Map<String, String> modeSettings() {
		return Map.of("spring.datasource.url",
				EmbeddedAulaTest.H2_URL.replace("${random.uuid}", UUID.randomUUID().toString()));
	}

}
