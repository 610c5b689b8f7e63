package org.aula.platform.revocation;

import java.time.Clock;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.aula.testsupport.ExternalServices;
import org.aula.testsupport.RequiresRedis;
import org.junit.jupiter.api.AfterEach;

/**
 * The store the application wires in the shared mode behaves like every other while Redis
 * answers.
 */
@RequiresRedis
class TokenRevocationsResilientRedisTest extends TokenRevocationsContract {

	private final TestRedis redis = new TestRedis();

	@AfterEach
	void closeConnections() {
		((ResilientTokenRevocations) this.revocations).close();
		this.redis.close();
	}

	@Override
	TokenRevocations createRevocations() {
		return new ResilientTokenRevocations(
				new RedisTokenRevocations(this.redis.template(ExternalServices.REDIS_URL),
						"aula-test-" + UUID.randomUUID() + ":", Clock.systemUTC()),
				Clock.systemUTC(), new SimpleMeterRegistry());
	}

}
