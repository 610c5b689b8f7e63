package org.aula.platform.cache;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Named caches in this instance's memory only.
 */
final class CaffeineSharedCache implements SharedCache {

	private final LocalCaches caches;

	private final CacheMetrics metrics;

	CaffeineSharedCache(CacheSettings settings, CacheMetrics metrics) {
		this.caches = new LocalCaches(settings::ttl, settings::maxSize, metrics);
		this.metrics = metrics;
	}

	@Override
	public <T> T get(String cacheName, String key, Class<T> type, Supplier<T> loader) {
		AtomicBoolean loaded = new AtomicBoolean();
		Object value = this.caches.get(cacheName, key, () -> {
			loaded.set(true);
			return this.metrics.load(cacheName, loader);
		});
		this.metrics.get(cacheName, loaded.get());
		return type.cast(value);
	}

	@Override
	public void evict(String cacheName, String key) {
		this.caches.evict(cacheName, key);
		this.metrics.evicted(cacheName, "explicit");
	}

	@Override
	public void clear(String cacheName) {
		this.caches.clear(cacheName);
		this.metrics.evicted(cacheName, "clear");
	}

}
