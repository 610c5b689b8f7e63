package org.aula.chat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.aula.platform.redis.CircuitBreaker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Presence shared by every instance: a sorted set per room,
 * {@code aula:chat:presence:{<room>}}, of user ids scored by when they stop counting as
 * online; the key itself expires once nobody refreshes it. When Redis fails, this
 * instance's own view answers instead: presence is best effort, never a reason to fail.
 */
final class RedisChatPresence implements ChatPresence {

	private static final Logger logger = LoggerFactory.getLogger(RedisChatPresence.class);

	private final StringRedisTemplate redis;

	private final LocalChatPresence local;

	private final Duration ttl;

	private final Clock clock;

	/**
	 * After a failure, Redis is skipped for a second: presence must never slow chat down.
	 */
	private final CircuitBreaker breaker = new CircuitBreaker(Duration.ofSeconds(1));

	RedisChatPresence(StringRedisTemplate redis, Duration ttl, Clock clock) {
		this.redis = redis;
		this.local = new LocalChatPresence(ttl, clock);
		this.ttl = ttl;
		this.clock = clock;
	}

	@Override
	public void seen(UUID roomId, UUID userId) {
		this.local.seen(roomId, userId);
		try {
			String key = key(roomId);
			this.breaker.call(() -> {
				this.redis.opsForZSet().add(key, userId.toString(), this.clock.millis() + this.ttl.toMillis());
				return this.redis.expire(key, this.ttl.multipliedBy(2));
			});
		}
		catch (RuntimeException ex) {
			logger.debug("Presence not shared: {}", ex.getMessage());
		}
	}

	@Override
	public void left(UUID roomId, UUID userId) {
		this.local.left(roomId, userId);
		try {
			this.breaker.call(() -> this.redis.opsForZSet().remove(key(roomId), userId.toString()));
		}
		catch (RuntimeException ex) {
			logger.debug("Presence not shared: {}", ex.getMessage());
		}
	}

	@Override
	public List<UUID> online(UUID roomId) {
		try {
			String key = key(roomId);
			long now = this.clock.millis();
			Set<String> users = this.breaker.call(() -> {
				this.redis.opsForZSet().removeRangeByScore(key, Double.NEGATIVE_INFINITY, now);
				return this.redis.opsForZSet().rangeByScore(key, now, Double.POSITIVE_INFINITY);
			});
			return (users != null) ? users.stream().map(UUID::fromString).toList() : List.of();
		}
		catch (RuntimeException ex) {
			logger.debug("Presence from this instance only: {}", ex.getMessage());
			return this.local.online(roomId);
		}
	}

	private static String key(UUID roomId) {
		return "aula:chat:presence:{" + roomId + "}";
	}

}
