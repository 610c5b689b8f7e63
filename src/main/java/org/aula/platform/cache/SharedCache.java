package org.aula.platform.cache;

import java.util.function.Supplier;

/**
 * A read-through cache in front of the database, organised in named caches whose time to
 * live and size are configured under {@code aula.cache.caches.<name>}. In the shared
 * (Redis) mode every instance reads the same entries and an eviction or clear on one
 * instance reaches all of them; each instance may still serve an entry it holds locally
 * for up to {@code aula.cache.local-ttl} if it misses that notice.
 * <p>
 * The cache is an optimisation only: when the shared store fails, values come from the
 * loader and no Redis failure reaches the caller. Redis being down does not keep Aula
 * from starting; while it fails, reads skip it for a second at a time rather than wait
 * for its timeout, and it is used again as soon as it answers. Evictions that cannot
 * reach Redis still apply to every instance's memory, but the shared entry then lives on
 * until its time to live ends.
 */
public interface SharedCache {

	/**
	 * Returns the cached value of {@code key}, or the loader's value, which is cached.
	 * While one caller runs the loader for a key, other callers of this instance asking
	 * for the same key wait for its result instead of running the loader too.
	 * @param cacheName the named cache
	 * @param key the entry's key within that cache
	 * @param type the value's type: a record or class that can be written as JSON
	 * @param loader computes the value on a miss, typically from the database; a
	 * {@code null} result is returned but not cached
	 * @param <T> the value's type
	 * @return the value, or {@code null} if the loader returned {@code null}
	 */
	<T> T get(String cacheName, String key, Class<T> type, Supplier<T> loader);

	/**
	 * Drops one entry, on every instance, so the next {@link #get} loads it afresh. A
	 * load of the same key that was already running is returned to its caller but not
	 * cached, since it may have read the data before the change that led to this
	 * eviction.
	 * @param cacheName the named cache
	 * @param key the entry's key within that cache
	 */
	void evict(String cacheName, String key);

	/**
	 * Drops every entry of a cache, on every instance.
	 * @param cacheName the named cache
	 */
	void clear(String cacheName);

}
