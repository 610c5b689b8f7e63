package org.aula.platform.cache;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sizing and lifetimes of the named caches; which store they use is
 * {@code aula.cache.store}.
 *
 * @param caches settings of individual caches by name; a cache not listed, or a setting
 * left out, takes the defaults
 * @param defaultTtl how long an entry lives
 * @param defaultMaxSize how many entries of one cache an instance keeps in memory
 * @param localTtl in the shared mode, how long an instance keeps an entry in its own
 * memory: the longest it can serve a stale value if it misses an invalidation
 */
@ConfigurationProperties("aula.cache")
record CacheSettings(Map<String, Spec> caches, @DefaultValue("5m") Duration defaultTtl,
		@DefaultValue("10000") long defaultMaxSize, @DefaultValue("30s") Duration localTtl) {

	CacheSettings {
		caches = (caches != null) ? Map.copyOf(caches) : Map.of();
	}

	static CacheSettings defaults() {
		return new CacheSettings(Map.of(), Duration.ofMinutes(5), 10_000, Duration.ofSeconds(30));
	}

	Duration ttl(String cacheName) {
		Spec spec = this.caches.get(cacheName);
		return (spec != null && spec.ttl() != null) ? spec.ttl() : this.defaultTtl;
	}

	long maxSize(String cacheName) {
		Spec spec = this.caches.get(cacheName);
		return (spec != null && spec.maxSize() != null) ? spec.maxSize() : this.defaultMaxSize;
	}

	Duration localTtl(String cacheName) {
		Duration ttl = ttl(cacheName);
		return (ttl.compareTo(this.localTtl) < 0) ? ttl : this.localTtl;
	}

	/**
	 * Settings of one named cache.
	 *
	 * @param ttl how long an entry lives, or {@code null} for the default
	 * @param maxSize how many entries an instance keeps in memory, or {@code null} for
	 * the default
	 */
	record Spec(Duration ttl, Long maxSize) {
	}

}
