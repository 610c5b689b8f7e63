package org.aula.platform.cache;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.aula.platform.pubsub.MessageBus;
import org.aula.platform.redis.LettuceClients;
import org.aula.testsupport.ExternalServices;
import org.aula.testsupport.RequiresRedis;
import org.aula.testsupport.TcpProxy;
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

	private static final Duration TIMEOUT = Duration.ofMillis(500);

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
		return createCache(settings, meterRegistry, redis(redisUrl, TIMEOUT));
	}

	private RedisSharedCache createCache(CacheSettings settings, MeterRegistry meterRegistry,
			StringRedisTemplate redis) {
		RedisSharedCache cache = new RedisSharedCache(settings, redis, JsonMapper.shared(), this.messageBus,
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

	@Test
	void anEvictionOnAnotherInstanceDuringALoadIsNotUndone() throws Exception {
		SharedCache other = anotherInstance();

		loadRacingAnEviction(() -> other.evict(this.cacheName, "c1"));

		CountingLoader loader = new CountingLoader("Linear Algebra");
		assertThat(other.get(this.cacheName, "c1", Course.class, loader.forKey("c1")).title())
			.isEqualTo("Linear Algebra");
		assertThat(get("c1", loader).title()).isEqualTo("Linear Algebra");
	}

	@Test
	void startsWithRedisUnreachableAndSharesEntriesOnceItAnswers() {
		try (TcpProxy redis = TcpProxy.toRedis(ExternalServices.REDIS_URL)) {
			SharedCache proxied = createCache(this.settings, new SimpleMeterRegistry(), redis.redisUrl());
			CountingLoader loader = new CountingLoader("Algebra");
			assertThat(proxied.get(this.cacheName, "c0", Course.class, loader.forKey("c0")).title())
				.isEqualTo("Algebra");

			redis.start();

			AtomicInteger next = new AtomicInteger();
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
				String key = "c" + next.incrementAndGet();
				proxied.get(this.cacheName, key, Course.class, loader.forKey(key));
				CountingLoader never = new CountingLoader("never loaded");
				assertThat(this.cache.get(this.cacheName, key, Course.class, never.forKey(key)).title())
					.isEqualTo("Algebra");
			});
		}
	}

	@Test
	void getsFallBackToTheLoaderFastWhileRedisIsDown() {
		try (TcpProxy redis = TcpProxy.toRedis(ExternalServices.REDIS_URL).start()) {
			SharedCache proxied = createCache(this.settings, new SimpleMeterRegistry(), redis.redisUrl());
			CountingLoader loader = new CountingLoader("Algebra");
			proxied.get(this.cacheName, "connects", Course.class, loader.forKey("connects"));

			redis.stop();

			assertGetsFallBackFast(proxied, loader);
		}
	}

	@Test
	void getsFallBackToTheLoaderFastWhileRedisHangs() {
		try (TcpProxy redis = TcpProxy.toRedis(ExternalServices.REDIS_URL).start()) {
			SharedCache proxied = createCache(this.settings, new SimpleMeterRegistry(), redis.redisUrl());
			CountingLoader loader = new CountingLoader("Algebra");
			proxied.get(this.cacheName, "connects", Course.class, loader.forKey("connects"));

			redis.stall();

			assertGetsFallBackFast(proxied, loader);
		}
	}

	/**
	 * Fifty gets of keys this instance does not hold take far less than fifty timeouts:
	 * an outage must not add a timeout to every request.
	 */
	private void assertGetsFallBackFast(SharedCache proxied, CountingLoader loader) {
		long start = System.nanoTime();
		for (int i = 0; i < 50; i++) {
			assertThat(proxied.get(this.cacheName, "k" + i, Course.class, loader.forKey("k" + i)).title())
				.isEqualTo("Algebra");
		}
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIMEOUT.multipliedBy(10));
	}

	@Test
	void aSlowGenerationReadDoesNotHoldUpInvalidationsOfThatCache() throws Exception {
		try (TcpProxy redis = TcpProxy.toRedis(ExternalServices.REDIS_URL).start();
				ExecutorService caller = Executors.newSingleThreadExecutor()) {
			SharedCache slow = createCache(this.settings, new SimpleMeterRegistry(),
					redis(redis.redisUrl(), Duration.ofSeconds(5)));
			String otherCache = "lessons-" + UUID.randomUUID();
			CountingLoader loader = new CountingLoader("Algebra");
			slow.get(otherCache, "connects", Course.class, loader.forKey("connects"));
			redis.stall();
			Future<Course> reading = caller
				.submit(() -> slow.get(this.cacheName, "c1", Course.class, loader.forKey("c1")));
			await().atMost(Duration.ofSeconds(2)).until(() -> redis.heldBytes() > 0);

			long start = System.nanoTime();
			this.cache.clear(this.cacheName);

			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
			assertThat(reading).isNotDone();
			redis.resume();
			assertThat(reading.get(10, TimeUnit.SECONDS).title()).isEqualTo("Algebra");
		}
	}

	private StringRedisTemplate redis(String url) {
		return redis(url, TIMEOUT);
	}

	private StringRedisTemplate redis(String url, Duration timeout) {
		LettuceConnectionFactory connectionFactory = new LettuceConnectionFactory(
				LettuceConnectionFactory.createRedisConfiguration(url),
				LettuceClientConfiguration.builder()
					.commandTimeout(timeout)
					.clientOptions(LettuceClients.options(timeout, timeout))
					.build());
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
