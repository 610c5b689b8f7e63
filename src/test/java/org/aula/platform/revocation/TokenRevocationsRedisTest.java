package org.aula.platform.revocation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.aula.testsupport.ExternalServices;
import org.aula.testsupport.RequiresRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@RequiresRedis
class TokenRevocationsRedisTest extends TokenRevocationsContract {

	private final String keyPrefix = "aula-test-" + UUID.randomUUID() + ":";

	private final List<LettuceConnectionFactory> connectionFactories = new ArrayList<>();

	@AfterEach
	void closeConnections() {
		this.connectionFactories.forEach(LettuceConnectionFactory::destroy);
	}

	@Override
	TokenRevocations createRevocations() {
		return new RedisTokenRevocations(redis(), this.keyPrefix, Clock.systemUTC());
	}

	@Test
	void aRevocationIsSeenByEveryInstance() {
		TokenRevocations other = createRevocations();
		String tokenId = tokenId();

		this.revocations.revoke(tokenId, Instant.now().plus(Duration.ofMinutes(15)));

		assertThat(other.isRevoked(tokenId)).isTrue();
	}

	@Test
	void keepsRevocationsInTheirOwnKeySpaceUntilTheTokenExpires() {
		StringRedisTemplate redis = redis();
		String tokenId = tokenId();

		this.revocations.revoke(tokenId, Instant.now().plus(Duration.ofMinutes(15)));

		String key = this.keyPrefix + "revoked:" + tokenId;
		assertThat(redis.hasKey(key)).isTrue();
		assertThat(redis.getExpire(key)).isBetween(14 * 60L, 15 * 60L);
	}

	@Test
	void writesNothingForAnAlreadyExpiredToken() {
		StringRedisTemplate redis = redis();
		String tokenId = tokenId();

		this.revocations.revoke(tokenId, Instant.now().minus(Duration.ofSeconds(1)));

		assertThat(redis.hasKey(this.keyPrefix + "revoked:" + tokenId)).isFalse();
	}

	private StringRedisTemplate redis() {
		LettuceConnectionFactory connectionFactory = new LettuceConnectionFactory(
				LettuceConnectionFactory.createRedisConfiguration(ExternalServices.REDIS_URL),
				LettuceClientConfiguration.builder().commandTimeout(Duration.ofMillis(500)).build());
		connectionFactory.afterPropertiesSet();
		this.connectionFactories.add(connectionFactory);
		return new StringRedisTemplate(connectionFactory);
	}

	@Test
	void theRedisStoreIsWiredFromConfiguration() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withUserConfiguration(RevocationConfiguration.class)
			.withPropertyValues("aula.tokens.revocation-store=redis", "aula.redis.url=" + ExternalServices.REDIS_URL,
					"spring.data.redis.url=" + ExternalServices.REDIS_URL)
			.run((context) -> {
				TokenRevocations wired = context.getBean(TokenRevocations.class);
				assertThat(wired).isInstanceOf(ResilientTokenRevocations.class);
				String tokenId = tokenId();
				wired.revoke(tokenId, Instant.now().plus(Duration.ofSeconds(5)));
				assertThat(wired.isRevoked(tokenId)).isTrue();
			});
	}

}
