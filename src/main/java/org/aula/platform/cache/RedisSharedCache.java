package org.aula.platform.cache;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.aula.platform.pubsub.MessageBus;
import org.aula.platform.pubsub.Subscription;
import org.aula.platform.redis.CircuitBreaker;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Two levels: a short-lived copy in this instance's memory (L1) in front of JSON entries
 * in Redis (L2) that every instance shares, under
 * {@code <prefix>cache:{<cache>}:<generation>:<key>}. Clearing a cache increments its
 * generation ({@code <prefix>cache:{<cache>}:gen}) instead of scanning for keys: the old
 * entries are no longer addressed and expire on their own. Evictions and clears are
 * broadcast on the {@link MessageBus} so every instance drops its L1 copies; an instance
 * that misses a broadcast serves its copy, and its generation, for at most the local TTL.
 * <p>
 * An eviction also marks the key as evicted
 * ({@code <prefix>cache:{<cache>}:evicted:<generation>:<key>}), and a loaded value is
 * stored only if that mark is still what it was before loading: a load that read the
 * database before an update cannot write its stale value back after the update's
 * eviction. The hash tag keeps all keys of one cache in one Redis Cluster slot, as the
 * scripts require.
 * <p>
 * Redis is never required for a correct answer: when it fails, the value comes from the
 * loader and the failure is logged, at WARN at most once a minute. After a failure, reads
 * skip Redis for a second, so an outage costs one timeout per second rather than one per
 * request; evictions and clears always try, since one that is skipped would leave a stale
 * entry behind.
 */
final class RedisSharedCache implements SharedCache, AutoCloseable {

	static final String INVALIDATION_CHANNEL = "cache-invalidation";

	private static final Logger logger = LoggerFactory.getLogger(RedisSharedCache.class);

	private static final long WARNING_INTERVAL = TimeUnit.MINUTES.toNanos(1);

	private static final Duration OPEN_AFTER_FAILURE = Duration.ofSeconds(1);

	/**
	 * An eviction mark must outlive every load that started before it, or that load could
	 * store its value after all.
	 */
	private static final Duration MINIMUM_EVICTION_MARK = Duration.ofMinutes(1);

	private static final RedisScript<Long> STORE_UNLESS_EVICTED = new DefaultRedisScript<>("""
			if (redis.call('GET', KEYS[2]) or '') ~= ARGV[1] then
			  return 0
			end
			redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
			return 1
			""", Long.class);

	private static final RedisScript<Long> EVICT = new DefaultRedisScript<>("""
			redis.call('SET', KEYS[2], ARGV[1], 'PX', ARGV[2])
			return redis.call('DEL', KEYS[1])
			""", Long.class);

	private final CacheSettings settings;

	private final StringRedisTemplate redis;

	private final JsonMapper jsonMapper;

	private final MessageBus messageBus;

	private final CacheMetrics metrics;

	private final String cacheKeyPrefix;

	private final LocalCaches local;

	private final CircuitBreaker breaker = new CircuitBreaker(OPEN_AFTER_FAILURE);

	/**
	 * Each cache's generation, or the pending read of it: Redis is read outside any lock,
	 * so a slow Redis never holds up the clears and invalidations of the same cache.
	 */
	private final Cache<String, CompletableFuture<Long>> generations;

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
		Lookup lookup;
		try {
			lookup = this.breaker.call(() -> lookup(cacheName, key));
		}
		catch (RuntimeException ex) {
			redisFailed(ex);
			return loader.get();
		}
		if (lookup.json() != null) {
			try {
				return this.jsonMapper.readValue(lookup.json(), type);
			}
			catch (JacksonException ex) {
				// written by a version with another shape of the type: replace it
				logger.debug("Reloading unreadable entry {}", lookup.entryKey(), ex);
			}
		}
		T value = loader.get();
		if (value != null) {
			store(cacheName, lookup, value);
		}
		return value;
	}

	private Lookup lookup(String cacheName, String key) {
		long generation = generation(cacheName);
		String entryKey = entryKey(cacheName, generation, key);
		String evictionKey = evictionKey(cacheName, generation, key);
		List<String> values = Objects.requireNonNull(this.redis.opsForValue().multiGet(List.of(entryKey, evictionKey)));
		return new Lookup(entryKey, evictionKey, values.get(0), Objects.requireNonNullElse(values.get(1), ""));
	}

	private void store(String cacheName, Lookup lookup, Object value) {
		String json;
		try {
			json = this.jsonMapper.writeValueAsString(value);
		}
		catch (JacksonException ex) {
			warn("Cache '%s' cannot write a %s as JSON, so it is not shared".formatted(cacheName,
					value.getClass().getName()), ex);
			return;
		}
		String ttl = String.valueOf(this.settings.ttl(cacheName).toMillis());
		try {
			this.breaker.call(() -> this.redis.execute(STORE_UNLESS_EVICTED,
					List.of(lookup.entryKey(), lookup.evictionKey()), lookup.evictionMark(), json, ttl));
		}
		catch (RuntimeException ex) {
			redisFailed(ex);
		}
	}

	@Override
	public void evict(String cacheName, String key) {
		try {
			long generation = generation(cacheName);
			Duration markTtl = max(this.settings.ttl(cacheName), MINIMUM_EVICTION_MARK);
			this.redis.execute(EVICT,
					List.of(entryKey(cacheName, generation, key), evictionKey(cacheName, generation, key)),
					UUID.randomUUID().toString(), String.valueOf(markTtl.toMillis()));
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
				this.generations.put(cacheName, CompletableFuture.completedFuture(generation));
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
		CompletableFuture<Long> ours = new CompletableFuture<>();
		CompletableFuture<Long> known = this.generations.asMap().putIfAbsent(cacheName, ours);
		if (known != null) {
			try {
				return known.join();
			}
			catch (CompletionException ex) {
				throw (ex.getCause() instanceof RuntimeException failure) ? failure : ex;
			}
		}
		try {
			String stored = this.redis.opsForValue().get(generationKey(cacheName));
			long generation = (stored != null) ? Long.parseLong(stored) : 0L;
			ours.complete(generation);
			return generation;
		}
		catch (RuntimeException ex) {
			this.generations.asMap().remove(cacheName, ours);
			ours.completeExceptionally(ex);
			throw ex;
		}
	}

	private String entryKey(String cacheName, long generation, String key) {
		return this.cacheKeyPrefix + cacheName + "}:" + generation + ":" + key;
	}

	private String evictionKey(String cacheName, long generation, String key) {
		return this.cacheKeyPrefix + cacheName + "}:evicted:" + generation + ":" + key;
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

	private static Duration max(Duration first, Duration second) {
		return (first.compareTo(second) >= 0) ? first : second;
	}

	/**
	 * What Redis held for a key before loading it.
	 *
	 * @param entryKey where the entry is stored
	 * @param evictionKey where the key's eviction mark is
	 * @param json the entry, or {@code null} on a miss
	 * @param evictionMark the mark, empty if the key was not evicted lately
	 */
	private record Lookup(String entryKey, String evictionKey, @Nullable String json, String evictionMark) {
	}

	/**
	 * Tells every instance to drop one entry of a cache from its memory, or the whole
	 * cache when there is no key.
	 */
	record Invalidation(String cache, @Nullable String key) {
	}

}
