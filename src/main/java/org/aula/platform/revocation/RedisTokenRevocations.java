package org.aula.platform.revocation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Revocations in Redis under {@code <prefix>revoked:<id>}, expiring with what they
 * revoke. The key space is apart from the cache's, so clearing a cache never brings a
 * revoked token back. Every method throws when Redis fails;
 * {@link ResilientTokenRevocations} is what keeps such failures away from requests.
 */
final class RedisTokenRevocations implements TokenRevocations {

	private final StringRedisTemplate redis;

	private final String keyPrefix;

	private final Clock clock;

	RedisTokenRevocations(StringRedisTemplate redis, String keyPrefix, Clock clock) {
		this.redis = redis;
		this.keyPrefix = keyPrefix + "revoked:";
		this.clock = clock;
	}

	@Override
	public void revoke(String id, Instant expiresAt) {
		Duration remaining = Duration.between(this.clock.instant(), expiresAt);
		// PX takes whole milliseconds; anything shorter has expired for practical
		// purposes
		if (remaining.toMillis() > 0) {
			this.redis.opsForValue().set(this.keyPrefix + id, "1", Duration.ofMillis(remaining.toMillis()));
		}
	}

	@Override
	public boolean isRevoked(String id) {
		return Boolean.TRUE.equals(this.redis.hasKey(this.keyPrefix + id));
	}

	/** One {@code EXISTS key...} for all ids: one round trip however many are checked. */
	@Override
	public boolean isAnyRevoked(String... ids) {
		if (ids.length == 0) {
			return false;
		}
		List<String> keys = new ArrayList<>(ids.length);
		for (String id : ids) {
			keys.add(this.keyPrefix + id);
		}
		Long existing = this.redis.countExistingKeys(keys);
		return existing != null && existing > 0;
	}

}
