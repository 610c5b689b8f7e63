package org.aula.platform.cache;

import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.RemovalCause;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The meters of every named cache: {@code aula.cache.gets} by result,
 * {@code aula.cache.loads} timing the loader, {@code aula.cache.evictions} by cause.
 */
final class CacheMetrics {

	private final MeterRegistry registry;

	CacheMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	/**
	 * Counts a get as a miss if it ran the loader, else as a hit, however many layers it
	 * went through.
	 */
	void get(String cacheName, boolean loaded) {
		Counter.builder("aula.cache.gets")
			.description("Cache lookups, by whether the loader had to run")
			.tag("cache", cacheName)
			.tag("result", loaded ? "miss" : "hit")
			.register(this.registry)
			.increment();
	}

	<T> T load(String cacheName, Supplier<T> loader) {
		return Timer.builder("aula.cache.loads")
			.description("Time spent loading values missing from the cache")
			.tag("cache", cacheName)
			.register(this.registry)
			.record(loader);
	}

	void evicted(String cacheName, String cause) {
		Counter.builder("aula.cache.evictions")
			.description("Entries dropped from the cache, explicitly or by size and expiry")
			.tag("cache", cacheName)
			.tag("cause", cause)
			.register(this.registry)
			.increment();
	}

	void evicted(String cacheName, RemovalCause cause) {
		evicted(cacheName, (cause == RemovalCause.SIZE) ? "size" : "expired");
	}

}
