package org.aula.platform.cache;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class CacheConfigurationTest {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withUserConfiguration(CacheConfiguration.class);

	@Test
	void theMemoryStoreCachesInThisInstanceWithoutTouchingRedis() {
		this.contextRunner.withPropertyValues("aula.cache.store=memory").run((context) -> {
			assertThat(context).getBean(SharedCache.class).isInstanceOf(CaffeineSharedCache.class);
			assertThat(context).doesNotHaveBean(StringRedisTemplate.class);
		});
	}

	@Test
	void settingsDefaultPerCacheAndCanBeOverriddenOneByOne() {
		this.contextRunner
			.withPropertyValues("aula.cache.store=memory", "aula.cache.caches.courses.ttl=1h",
					"aula.cache.caches.catalogue.max-size=50", "aula.cache.local-ttl=10s")
			.run((context) -> {
				CacheSettings settings = context.getBean(CacheSettings.class);
				assertThat(settings.ttl("courses")).isEqualTo(Duration.ofHours(1));
				assertThat(settings.maxSize("courses")).isEqualTo(10_000);
				assertThat(settings.localTtl("courses")).isEqualTo(Duration.ofSeconds(10));
				assertThat(settings.ttl("catalogue")).isEqualTo(Duration.ofMinutes(5));
				assertThat(settings.maxSize("catalogue")).isEqualTo(50);
				assertThat(settings.ttl("anything")).isEqualTo(Duration.ofMinutes(5));
			});
	}

	@Test
	void theLocalCopyNeverOutlivesTheEntry() {
		this.contextRunner.withPropertyValues("aula.cache.store=memory", "aula.cache.caches.quick.ttl=5s")
			.run((context) -> assertThat(context.getBean(CacheSettings.class).localTtl("quick"))
				.isEqualTo(Duration.ofSeconds(5)));
	}

}
