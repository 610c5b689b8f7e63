package org.aula.chat;

import java.util.Map;

import org.aula.testsupport.EmbeddedAulaTest;

class EmbeddedChatIT extends ChatContract {

	@Override
	Map<String, String> modeSettings() {
		return Map.of("spring.datasource.url", EmbeddedAulaTest.H2_URL, "aula.demo.enabled", "false");
	}

}
