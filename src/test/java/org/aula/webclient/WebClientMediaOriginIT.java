package org.aula.webclient;

import java.util.Map;
import java.util.UUID;

import org.aula.testsupport.EmbeddedAulaTest;
import org.aula.testsupport.RunningAula;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebClientMediaOriginIT {

	@Test
	void thePageMayLoadMediaFromTheConfiguredMediaCdnAndNowhereElse() {
		try (RunningAula aula = RunningAula.start(Map.of("spring.datasource.url",
				EmbeddedAulaTest.H2_URL.replace("${random.uuid}", UUID.randomUUID().toString()),
				"aula.media.public-base-url", "https://Media.Example.org/aula/files"))) {
			String policy = aula.http().get("/").header("Content-Security-Policy");

			assertThat(policy).contains("media-src 'self' blob: https://media.example.org;")
				.contains("img-src 'self' data: blob: https://media.example.org;")
				.contains("connect-src 'self';")
				.doesNotContain("/aula/files");
		}
	}

	@Test
	void withoutAMediaCdnMediaComesFromAulaOnly() {
		assertThat(WebClientController.origin("")).isEmpty();
		assertThat(WebClientController.origin("ftp://files.example.org")).isEmpty();
		assertThat(WebClientController.origin("not a url")).isEmpty();
		assertThat(WebClientController.origin("http://cdn.example.org:8443/x")).hasValue("http://cdn.example.org:8443");
	}

}
