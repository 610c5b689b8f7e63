package org.aula.catalog;

import java.util.Map;
import java.util.UUID;

import org.aula.testsupport.EmbeddedAulaTest;

class EmbeddedCourseJourneyIT extends CourseJourneyContract {

	@Override
	Map<String, String> modeSettings() {
		return Map.of("spring.datasource.url",
				EmbeddedAulaTest.H2_URL.replace("${random.uuid}", UUID.randomUUID().toString()));
	}

}
