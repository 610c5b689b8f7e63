package org.aula.platform.activeusers;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.aula.platform.redis.CircuitBreaker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Active users across every instance: one HyperLogLog per minute,
 * {@code <prefix>active-users:{window}:<epoch minute>}, expiring a minute after the
 * window has passed it. The hash tag puts every minute in one Redis Cluster slot, so one
 * {@code PFCOUNT} over the window's five keys answers.
 * <p>
 * Requests never wait for Redis: a user's first request of a minute is noted locally and
 * the new users are added in batches every flush interval (and before each count), so
 * Redis sees at most one {@code PFADD} per minute key per flush, however busy the
 * instance. While Redis fails, the unsent users wait for the next flush (those of minutes
 * that have left the window are dropped) and {@link #count()} answers with this
 * instance's own count, behind a circuit breaker so an outage costs no timeouts.
 */
final class RedisActiveUsers implements ActiveUsers, AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(RedisActiveUsers.class);

	private static final Duration KEY_TTL = WINDOW.plusMinutes(1);

	private static final int BATCH_SIZE = 1000;

	private static final long WARNING_INTERVAL = TimeUnit.MINUTES.toNanos(1);

	private final StringRedisTemplate redis;

	private final String keyPrefix;

	private final InMemoryActiveUsers local;

	private final CircuitBreaker breaker = new CircuitBreaker(Duration.ofSeconds(1));

	private final Map<Long, Set<String>> unsent = new ConcurrentHashMap<>();

	private final ReentrantLock flushing = new ReentrantLock();

	private final Counter fallbacks;

	private final AtomicLong nextWarning = new AtomicLong(System.nanoTime());

	private final ScheduledExecutorService flusher;

	/**
	 * @param redis the shared Redis
	 * @param keyPrefix put before every key, e.g. {@code aula:}
	 * @param clock tells the minute
	 * @param flushInterval how often new users are sent to Redis
	 * @param meters where the fallback counter goes
	 */
	RedisActiveUsers(StringRedisTemplate redis, String keyPrefix, Clock clock, Duration flushInterval,
			MeterRegistry meters) {
		this.redis = redis;
		this.keyPrefix = keyPrefix + "active-users:{window}:";
		this.local = new InMemoryActiveUsers(clock);
		this.fallbacks = Counter.builder("aula.active-users.fallbacks")
			.description("Active-user counts answered from this instance only because Redis failed")
			.register(meters);
		this.flusher = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("aula-active-users-flush").daemon().factory());
		this.flusher.scheduleWithFixedDelay(this::flushQuietly, flushInterval.toMillis(), flushInterval.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	@Override
	public void seen(String userId) {
		long minute = this.local.seenFirstThisMinute(userId);
		if (minute >= 0) {
			// compute, like the flush's remove, holds the minute's entry: no user is
			// added
			// to a set that a flush has already taken.
			this.unsent.compute(minute, (key, users) -> {
				Set<String> set = (users != null) ? users : ConcurrentHashMap.newKeySet();
				set.add(userId);
				return set;
			});
		}
	}

	@Override
	public long count() {
		try {
			flush();
			long minute = this.local.minute();
			String[] keys = new String[(int) InMemoryActiveUsers.WINDOW_MINUTES];
			for (int i = 0; i < keys.length; i++) {
				keys[i] = key(minute - i);
			}
			Long counted = this.breaker.call(() -> this.redis.opsForHyperLogLog().size(keys));
			return (counted != null) ? counted : this.local.count();
		}
		catch (RuntimeException ex) {
			this.fallbacks.increment();
			warn("counting", ex);
			return this.local.count();
		}
	}

	/**
	 * Sends the users not yet in Redis.
	 * @throws RuntimeException if Redis fails; the users are kept for the next flush
	 */
	void flush() {
		this.flushing.lock();
		try {
			long oldest = this.local.minute() - InMemoryActiveUsers.WINDOW_MINUTES + 1;
			for (Long minute : List.copyOf(this.unsent.keySet())) {
				Set<String> users = this.unsent.remove(minute);
				if (users == null || users.isEmpty() || minute < oldest) {
					continue;
				}
				try {
					this.breaker.call(() -> add(minute, users));
				}
				catch (RuntimeException ex) {
					this.unsent.merge(minute, users, (newer, older) -> {
						newer.addAll(older);
						return newer;
					});
					throw ex;
				}
			}
		}
		finally {
			this.flushing.unlock();
		}
	}

	/**
	 * @return users waiting to be sent to Redis
	 */
	int unsentCount() {
		return this.unsent.values().stream().mapToInt(Set::size).sum();
	}

	private Boolean add(long minute, Set<String> users) {
		String key = key(minute);
		List<String> batch = new ArrayList<>(Math.min(users.size(), BATCH_SIZE));
		for (String user : users) {
			batch.add(user);
			if (batch.size() == BATCH_SIZE) {
				this.redis.opsForHyperLogLog().add(key, batch.toArray(String[]::new));
				batch.clear();
			}
		}
		if (!batch.isEmpty()) {
			this.redis.opsForHyperLogLog().add(key, batch.toArray(String[]::new));
		}
		return this.redis.expire(key, KEY_TTL);
	}

	private void flushQuietly() {
		try {
			flush();
		}
		catch (RuntimeException ex) {
			warn("sending", ex);
		}
	}

	private void warn(String what, RuntimeException ex) {
		long now = System.nanoTime();
		long next = this.nextWarning.get();
		if (now - next >= 0 && this.nextWarning.compareAndSet(next, now + WARNING_INTERVAL)) {
			logger.warn("Redis failed {} active users ({}); counting this instance's users until it answers again",
					what, ex.getMessage());
		}
		else {
			logger.debug("Redis failed {} active users: {}", what, ex.getMessage());
		}
	}

	private String key(long minute) {
		return this.keyPrefix + minute;
	}

	@Override
	public void close() {
		this.flusher.shutdownNow();
	}

}
