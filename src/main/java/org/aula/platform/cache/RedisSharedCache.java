package org.aula.platform.cache;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.aula.platform.pubsub.MessageBus;
import org.aula.platform.pubsub.Subscription;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Two levels: a short-lived copy in this instance's memory (L1) in front of JSON entries
 * in Redis (L2) that every instance shares, under
 * {@code <prefix>cache:{<cache>}:<generation>:<key>}. Clearing a cache increments its
 * generation ({@code <prefix>cache:{<cache>}:gen}) instead of scanning for keys: the old
 * entries are no longer addressed and expire on their own. Evictions and clears are
 * broadcast on the {@link MessageBus} so every instance drops its L1 copies; an instance
 * that misses a broadcast serves its copy, and its generation, for at most the local TTL.
 * <p>
 * Redis is never required for a correct answer: when it fails, the value comes from the
 * loader and the failure is logged, at WARN at most once a minute.
 */
final class RedisSharedCache implements SharedCache, AutoCloseable {

	static final String INVALIDATION_CHANNEL = "cache-invalidation";

	private static final Logger logger = LoggerFactory.getLogger(RedisSharedCache.class);

	private static final long WARNING_INTERVAL = TimeUnit.MINUTES.toNanos(1);

	private final CacheSettings settings;

	private final StringRedisTemplate redis;

	private final JsonMapper jsonMapper;

	private final MessageBus messageBus;

	private final CacheMetrics metrics;

	private final String cacheKeyPrefix;

	private final LocalCaches local;

	private final Cache<String, Long> generations;

	private final Subscription invalidations;

	private final AtomicLong nextWarning = new AtomicLong(System.nanoTime() - WARNING_INTERVAL);

	RedisSharedCache(CacheSettings settings, StringRedisTemplate redis, JsonMapper jsonMapper, MessageBus messageBus,
			CacheMetrics metrics, String keyPrefix) {
		this.settings = settings;
		this.redis = redis;
		this.jsonMapper = jsonMapper;
		this.messageBus = messageBus;
		this.metrics = metrics;
		this.cacheKeyPrefix = keyPrefix + "cache:{";
		this.local = new LocalCaches(settings::localTtl, settings::maxSize, metrics);
		this.generations = Caffeine.newBuilder().expireAfterWrite(settings.localTtl()).build();
		this.invalidations = messageBus.subscribe(INVALIDATION_CHANNEL, this::onInvalidation);
	}

	@Override
	public <T> T get(String cacheName, String key, Class<T> type, Supplier<T> loader) {
		AtomicBoolean loaded = new AtomicBoolean();
		Supplier<T> countedLoader = () -> {
			loaded.set(true);
			return this.metrics.load(cacheName, loader);
		};
		Object value = this.local.get(cacheName, key, () -> getShared(cacheName, key, type, countedLoader));
		this.metrics.get(cacheName, loaded.get());
		return type.cast(value);
	}

	private <T> @Nullable T getShared(String cacheName, String key, Class<T> type, Supplier<T> loader) {
		String redisKey;
		String json;
		try {
			redisKey = entryKey(cacheName, generation(cacheName), key);
			json = this.redis.opsForValue().get(redisKey);
		}
		catch (RuntimeException ex) {
			redisFailed(ex);
			return loader.get();
		}
		if (json != null) {
			try {
				return this.jsonMapper.readValue(json, type);
			}
			catch (JacksonException ex) {
				// written by a version with another shape of the type: replace it
				logger.debug("Reloading unreadable entry {}", redisKey, ex);
			}
		}
		T value = loader.get();
		if (value != null) {
			store(cacheName, redisKey, value);
		}
		return value;
	}

	private void store(String cacheName, String redisKey, Object value) {
		String json;
		try {
			json = this.jsonMapper.writeValueAsString(value);
		}
		catch (JacksonException ex) {
			warn("Cache '%s' cannot write a %s as JSON, so it is not shared".formatted(cacheName,
					value.getClass().getName()), ex);
			return;
		}
		try {
			this.redis.opsForValue().set(redisKey, json, this.settings.ttl(cacheName));
		}
		catch (RuntimeException ex) {
			redisFailed(ex);
		}
	}

	@Override
	public void evict(String cacheName, String key) {
		try {
			this.redis.delete(entryKey(cacheName, generation(cacheName), key));
		}
		catch (RuntimeException ex) {
			redisFailed(ex);
		}
		this.local.evict(cacheName, key);
		this.metrics.evicted(cacheName, "explicit");
		broadcast(new Invalidation(cacheName, key));
	}

	@Override
	public void clear(String cacheName) {
		try {
			Long generation = this.redis.opsForValue().increment(generationKey(cacheName));
			if (generation != null) {
				this.generations.put(cacheName, generation);
			}
		}
		catch (RuntimeException ex) {
			this.generations.invalidate(cacheName);
			redisFailed(ex);
		}
		this.local.clear(cacheName);
		this.metrics.evicted(cacheName, "clear");
		broadcast(new Invalidation(cacheName, null));
	}

	private long generation(String cacheName) {
		return this.generations.get(cacheName, (name) -> {
			String generation = this.redis.opsForValue().get(generationKey(name));
			return (generation != null) ? Long.parseLong(generation) : 0L;
		});
	}

	private String entryKey(String cacheName, long generation, String key) {
		return this.cacheKeyPrefix + cacheName + "}:" + generation + ":" + key;
	}

	private String generationKey(String cacheName) {
		return this.cacheKeyPrefix + cacheName + "}:gen";
	}

	private void broadcast(Invalidation invalidation) {
		try {
			this.messageBus.publish(INVALIDATION_CHANNEL, this.jsonMapper.writeValueAsString(invalidation));
		}
		catch (RuntimeException ex) {
			redisFailed(ex);
		}
	}

	private void onInvalidation(String payload) {
		Invalidation invalidation = this.jsonMapper.readValue(payload, Invalidation.class);
		if (invalidation.key() != null) {
			this.local.evict(invalidation.cache(), invalidation.key());
		}
		else {
			this.generations.invalidate(invalidation.cache());
			this.local.clear(invalidation.cache());
		}
	}

	private void redisFailed(RuntimeException ex) {
		warn("Redis is failing, so cached values come from the database for now: " + ex.getMessage(), ex);
	}

	private void warn(String message, RuntimeException ex) {
		long now = System.nanoTime();
		long next = this.nextWarning.get();
		if (now - next >= 0 && this.nextWarning.compareAndSet(next, now + WARNING_INTERVAL)) {
			logger.warn(message, ex);
		}
		else {
			logger.debug(message, ex);
		}
	}

	@Override
	public void close() {
		this.invalidations.close();
	}

	/**
	 * Tells every instance to drop one entry of a cache from its memory, or the whole
	 * cache when there is no key.
	 */
	record Invalidation(String cache, @Nullable String key) {
	}

}
