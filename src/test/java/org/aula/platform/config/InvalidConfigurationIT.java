package org.aula.platform.config;

import java.util.Map;

import org.aula.testsupport.EmbeddedAulaTest;
import org.aula.testsupport.RunningAula;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(OutputCaptureExtension.class)
class InvalidConfigurationIT {

	@Test
	void refusesToStartWithRedisStoreButNoRedis(CapturedOutput output) {
		assertThatThrownBy(() -> RunningAula.start(Map.of("spring.datasource.url",
				EmbeddedAulaTest.H2_URL.replace("${random.uuid}", "invalid"), "aula.ratelimit.store", "redis")))
			.isInstanceOf(InvalidPlatformConfiguration.class)
			.hasMessage(
					"aula.ratelimit.store=redis needs a Redis server, but neither AULA_REDIS_URL (aula.redis.url) nor"
							+ " spring.data.redis.sentinel.master / spring.data.redis.cluster.nodes is set;"
							+ " set one or use memory");
		assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
			.contains("aula.ratelimit.store=redis needs a Redis server");
	}

}
