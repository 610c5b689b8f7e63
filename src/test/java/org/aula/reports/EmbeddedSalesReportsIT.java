package org.aula.reports;

import java.util.Map;
import java.util.UUID;

import org.aula.testsupport.EmbeddedAulaTest;

/**
 * The sales reports on H2 with every adapter in memory. The database session's time zone
 * is New York's, so any day computed in it instead of in UTC shows.
 */
class EmbeddedSalesReportsIT extends SalesReportsContract {

	@Override
	Map<String, String> modeSettings() {
		return Map.of("spring.datasource.url",
				EmbeddedAulaTest.H2_URL.replace("${random.uuid}", UUID.randomUUID().toString())
						+ ";TIME ZONE=America/New_York");
	}

}
