package org.aula.platform.revocation;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class RevocationConfigurationTest {

	@Test
	void theMemoryStoreKeepsRevocationsInThisInstanceWithoutTouchingRedis() {
		new ApplicationContextRunner().withUserConfiguration(RevocationConfiguration.class)
			.withPropertyValues("aula.tokens.revocation-store=memory")
			.run((context) -> {
				assertThat(context).getBean(TokenRevocations.class).isInstanceOf(InMemoryTokenRevocations.class);
				assertThat(context).doesNotHaveBean(StringRedisTemplate.class);
			});
	}

}
