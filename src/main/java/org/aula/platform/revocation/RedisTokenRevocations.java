package org.aula.platform.revocation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Revocations in Redis under {@code <prefix>revoked:<jti>}, expiring with the token. The
 * key space is apart from the cache's, so clearing a cache never brings a revoked token
 * back.
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
	public void revoke(String tokenId, Instant expiresAt) {
		Duration remaining = Duration.between(this.clock.instant(), expiresAt);
		// PX takes whole milliseconds; anything shorter has expired for practical
		// purposes
		if (remaining.toMillis() > 0) {
			this.redis.opsForValue().set(this.keyPrefix + tokenId, "1", Duration.ofMillis(remaining.toMillis()));
		}
	}

	@Override
	public boolean isRevoked(String tokenId) {
		return Boolean.TRUE.equals(this.redis.hasKey(this.keyPrefix + tokenId));
	}

}
