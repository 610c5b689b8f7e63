package org.aula.platform.revocation;

import java.time.Clock;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.data.redis.core.StringRedisTemplate;

/** The revocation stores as the application wires them, for tests in other packages. */
public final class RevocationStores {

	private RevocationStores() {
	}

	public static TokenRevocations inMemory() {
		return new InMemoryTokenRevocations(Clock.systemUTC());
	}

	/** The shared-mode store: Redis behind the outage-tolerant decorator. */
	public static TokenRevocations redis(StringRedisTemplate redis, String keyPrefix) {
		return new ResilientTokenRevocations(new RedisTokenRevocations(redis, keyPrefix, Clock.systemUTC()),
				Clock.systemUTC(), new SimpleMeterRegistry());
	}

}
