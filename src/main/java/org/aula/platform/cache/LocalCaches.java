package org.aula.platform.cache;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * One Caffeine cache per name in this instance's memory, with single-flight loading. The
 * value is computed on the caller's thread with no lock held: Caffeine only stores the
 * pending result, so a slow load on a virtual thread neither pins its carrier nor blocks
 * unrelated keys, and concurrent callers of the same key wait for that result.
 */
final class LocalCaches {

	private final Map<String, AsyncCache<String, Object>> caches = new ConcurrentHashMap<>();

	private final Function<String, Duration> ttl;

	private final ToLongFunction<String> maxSize;

	private final CacheMetrics metrics;

	LocalCaches(Function<String, Duration> ttl, ToLongFunction<String> maxSize, CacheMetrics metrics) {
		this.ttl = ttl;
		this.maxSize = maxSize;
		this.metrics = metrics;
	}

	/**
	 * Returns the value of {@code key}, computed by {@code onMiss} if this instance does
	 * not hold it yet; a {@code null} value is returned but not kept.
	 */
	Object get(String cacheName, String key, Supplier<?> onMiss) {
		AsyncCache<String, Object> cache = cache(cacheName);
		CompletableFuture<Object> ours = new CompletableFuture<>();
		CompletableFuture<Object> current = cache.get(key, (k, executor) -> ours);
		if (current != ours) {
			return valueOf(current.join());
		}
		try {
			Object value = onMiss.get();
			ours.complete(value);
			return value;
		}
		catch (RuntimeException | Error ex) {
			// handed to the waiting callers as a value: Caffeine would log an exceptional
			// completion as a warning, while the callers report the failure themselves
			cache.asMap().remove(key, ours);
			ours.complete(new FailedLoad(ex));
			throw ex;
		}
	}

	void evict(String cacheName, String key) {
		AsyncCache<String, Object> cache = this.caches.get(cacheName);
		if (cache != null) {
			cache.synchronous().invalidate(key);
		}
	}

	void clear(String cacheName) {
		AsyncCache<String, Object> cache = this.caches.get(cacheName);
		if (cache != null) {
			cache.synchronous().invalidateAll();
		}
	}

	private AsyncCache<String, Object> cache(String cacheName) {
		return this.caches.computeIfAbsent(cacheName,
				(name) -> Caffeine.newBuilder()
					.expireAfterWrite(this.ttl.apply(name))
					.maximumSize(this.maxSize.applyAsLong(name))
					.evictionListener((key, value, cause) -> this.metrics.evicted(name, cause))
					.buildAsync());
	}

	private static Object valueOf(Object loaded) {
		if (loaded instanceof FailedLoad(RuntimeException ex)) {
			throw ex;
		}
		if (loaded instanceof FailedLoad(Error error)) {
			throw error;
		}
		return loaded;
	}

	private record FailedLoad(Throwable failure) {
	}

}
