package org.aula.platform.cache;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.aula.platform.pubsub.MessageBus;
import org.aula.testsupport.ExternalServices;
import org.aula.testsupport.RequiresRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@RequiresRedis
class SharedCacheRedisTest extends SharedCacheContract {

	private final String keyPrefix = "aula-test-" + UUID.randomUUID() + ":";

	private final MessageBus messageBus = new LoopbackMessageBus();

	private final List<LettuceConnectionFactory> connectionFactories = new ArrayList<>();

	private final List<RedisSharedCache> caches = new ArrayList<>();

	@AfterEach
	void closeCachesAndConnections() {
		this.caches.forEach(RedisSharedCache::close);
		this.connectionFactories.forEach(LettuceConnectionFactory::destroy);
	}

	@Override
	SharedCache createCache(CacheSettings settings, MeterRegistry meterRegistry) {
		return createCache(settings, meterRegistry, ExternalServices.REDIS_URL);
	}

	private RedisSharedCache createCache(CacheSettings settings, MeterRegistry meterRegistry, String redisUrl) {
		RedisSharedCache cache = new RedisSharedCache(settings, redis(redisUrl), JsonMapper.shared(), this.messageBus,
				new CacheMetrics(meterRegistry), this.keyPrefix);
		this.caches.add(cache);
		return cache;
	}

	private SharedCache anotherInstance() {
		return createCache(this.settings, new SimpleMeterRegistry());
	}

	@Test
	void anotherInstanceReadsTheSharedEntryWithoutLoading() {
		SharedCache other = anotherInstance();
		get("c1", new CountingLoader("Algebra"));
		CountingLoader otherLoader = new CountingLoader("never loaded");

		assertThat(other.get(this.cacheName, "c1", Course.class, otherLoader.forKey("c1")))
			.isEqualTo(new Course("c1", "Algebra"));
		assertThat(otherLoader.calls()).isZero();
	}

	@Test
	void anEvictionOnOneInstanceReachesTheLocalCopyOfAnother() {
		SharedCache other = anotherInstance();
		CountingLoader loader = new CountingLoader("Algebra");
		get("c1", loader);
		other.get(this.cacheName, "c1", Course.class, loader.forKey("c1"));
		loader.title = "Linear Algebra";

		this.cache.evict(this.cacheName, "c1");

		await().atMost(Duration.ofSeconds(1))
			.untilAsserted(() -> assertThat(other.get(this.cacheName, "c1", Course.class, loader.forKey("c1")))
				.isEqualTo(new Course("c1", "Linear Algebra")));
	}

	@Test
	void aClearOnOneInstanceReachesTheLocalCopiesOfAnother() {
		SharedCache other = anotherInstance();
		CountingLoader loader = new CountingLoader("Algebra");
		other.get(this.cacheName, "c1", Course.class, loader.forKey("c1"));
		other.get(this.cacheName, "c2", Course.class, loader.forKey("c2"));
		loader.title = "Calculus";

		this.cache.clear(this.cacheName);

		await().atMost(Duration.ofSeconds(1)).untilAsserted(() -> {
			assertThat(other.get(this.cacheName, "c1", Course.class, loader.forKey("c1")).title())
				.isEqualTo("Calculus");
			assertThat(other.get(this.cacheName, "c2", Course.class, loader.forKey("c2")).title())
				.isEqualTo("Calculus");
		});
	}

	@Test
	void clearMovesToANewGenerationInsteadOfDeletingKeys() {
		get("c1", new CountingLoader("Algebra"));
		StringRedisTemplate redis = redis(ExternalServices.REDIS_URL);
		String oldEntry = this.keyPrefix + "cache:{" + this.cacheName + "}:0:c1";
		assertThat(redis.getExpire(oldEntry)).isBetween(290L, 300L);

		this.cache.clear(this.cacheName);
		get("c1", new CountingLoader("Calculus"));

		assertThat(redis.opsForValue().get(this.keyPrefix + "cache:{" + this.cacheName + "}:gen")).isEqualTo("1");
		assertThat(redis.opsForValue().get(this.keyPrefix + "cache:{" + this.cacheName + "}:1:c1"))
			.contains("Calculus");
	}

	@Test
	void withRedisUnreachableGetsComeFromTheLoaderWithoutFailing() {
		SharedCache unreachable = createCache(this.settings, new SimpleMeterRegistry(), "redis://127.0.0.1:1");
		CountingLoader loader = new CountingLoader("Algebra");

		assertThat(unreachable.get(this.cacheName, "c1", Course.class, loader.forKey("c1")))
			.isEqualTo(new Course("c1", "Algebra"));
		unreachable.evict(this.cacheName, "c1");
		unreachable.clear(this.cacheName);
		assertThat(unreachable.get(this.cacheName, "c1", Course.class, loader.forKey("c1")))
			.isEqualTo(new Course("c1", "Algebra"));
		assertThat(unreachable.get(this.cacheName, "c1", Course.class, loader.forKey("c1")))
			.isEqualTo(new Course("c1", "Algebra"));
		assertThat(loader.calls()).isEqualTo(2);
	}

	private StringRedisTemplate redis(String url) {
		LettuceConnectionFactory connectionFactory = new LettuceConnectionFactory(
				LettuceConnectionFactory.createRedisConfiguration(url),
				LettuceClientConfiguration.builder().commandTimeout(Duration.ofMillis(500)).build());
		connectionFactory.afterPropertiesSet();
		this.connectionFactories.add(connectionFactory);
		return new StringRedisTemplate(connectionFactory);
	}

	@Test
	void theRedisStoreIsWiredFromConfiguration() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class, JacksonAutoConfiguration.class))
			.withUserConfiguration(CacheConfiguration.class)
			.withBean(MessageBus.class, LoopbackMessageBus::new)
			.withPropertyValues("aula.cache.store=redis", "aula.cache.caches." + this.cacheName + ".ttl=5s",
					"aula.redis.url=" + ExternalServices.REDIS_URL,
					"spring.data.redis.url=" + ExternalServices.REDIS_URL)
			.run((context) -> {
				SharedCache wired = context.getBean(SharedCache.class);
				assertThat(wired).isInstanceOf(RedisSharedCache.class);
				CountingLoader loader = new CountingLoader("Algebra");
				wired.get(this.cacheName, "c1", Course.class, loader.forKey("c1"));
				assertThat(wired.get(this.cacheName, "c1", Course.class, loader.forKey("c1")).title())
					.isEqualTo("Algebra");
				assertThat(loader.calls()).isOne();
			});
	}

}
