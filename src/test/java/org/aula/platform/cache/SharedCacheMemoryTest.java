package org.aula.platform.cache;

import java.time.Duration;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SharedCacheMemoryTest extends SharedCacheContract {

	@Override
	SharedCache createCache(CacheSettings settings, MeterRegistry meterRegistry) {
		return new CaffeineSharedCache(settings, new CacheMetrics(meterRegistry));
	}

	@Test
	void keepsAtMostTheConfiguredNumberOfEntriesPerCache() {
		CacheSettings small = new CacheSettings(Map.of("small", new CacheSettings.Spec(null, 5L)),
				Duration.ofMinutes(5), 10_000, Duration.ofSeconds(30));
		SharedCache cache = createCache(small, this.meterRegistry);
		CountingLoader loader = new CountingLoader("Algebra");
		for (int i = 0; i < 50; i++) {
			cache.get("small", "c" + i, Course.class, loader.forKey("c" + i));
		}

		await().atMost(Duration.ofSeconds(2))
			.untilAsserted(() -> assertThat(this.meterRegistry.get("aula.cache.evictions")
				.tag("cache", "small")
				.tag("cause", "size")
				.counter()
				.count()).isGreaterThanOrEqualTo(45));
	}

}
