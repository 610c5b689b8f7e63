package org.aula.platform.cache;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.aula.platform.pubsub.MessageBus;
import org.aula.testsupport.RedisCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two-level cache keeps its contract on a Redis Cluster of three primaries: its Lua
 * scripts and multi-key reads touch only keys of one cache, which share a hash tag.
 */
class SharedCacheRedisClusterTest extends SharedCacheContract {

	private final String keyPrefix = "aula-test-" + UUID.randomUUID() + ":";

	private final MessageBus messageBus = new LoopbackMessageBus();

	private final LettuceConnectionFactory connectionFactory = RedisCluster.connectionFactory(Duration.ofMillis(500));

	private final List<RedisSharedCache> caches = new ArrayList<>();

	@AfterEach
	void closeCachesAndConnections() {
		this.caches.forEach(RedisSharedCache::close);
		this.connectionFactory.destroy();
	}

	@Override
	SharedCache createCache(CacheSettings settings, MeterRegistry meterRegistry) {
		RedisSharedCache cache = new RedisSharedCache(settings, new StringRedisTemplate(this.connectionFactory),
				JsonMapper.shared(), this.messageBus, new CacheMetrics(meterRegistry), this.keyPrefix);
		this.caches.add(cache);
		return cache;
	}

	@Test
	void anEvictionOnOneInstanceIsSeenByAnotherAfterItsLocalCopyIsDropped() {
		SharedCache other = createCache(this.settings, new SimpleMeterRegistry());
		get("c1", new CountingLoader("Algebra"));
		assertThat(other.get(this.cacheName, "c1", Course.class, () -> new Course("c1", "never loaded")))
			.isEqualTo(new Course("c1", "Algebra"));

		this.cache.evict(this.cacheName, "c1");

		assertThat(other.get(this.cacheName, "c1", Course.class, () -> new Course("c1", "Algebra II")))
			.isEqualTo(new Course("c1", "Algebra II"));
	}

}
