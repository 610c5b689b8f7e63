package org.aula.platform.cache;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * What every {@link SharedCache} must do, whichever store holds the entries.
 */
abstract class SharedCacheContract {

	static final String SHORT_LIVED = "short-lived";

	final MeterRegistry meterRegistry = new SimpleMeterRegistry();

	final CacheSettings settings = new CacheSettings(
			Map.of(SHORT_LIVED, new CacheSettings.Spec(Duration.ofMillis(300), null)), Duration.ofMinutes(5), 10_000,
			Duration.ofSeconds(30));

	final String cacheName = "courses-" + UUID.randomUUID();

	SharedCache cache;

	abstract SharedCache createCache(CacheSettings settings, MeterRegistry meterRegistry);

	@BeforeEach
	void createCacheUnderTest() {
		this.cache = createCache(this.settings, this.meterRegistry);
	}

	@Test
	void runsTheLoaderOnceForRepeatedGets() {
		CountingLoader loader = new CountingLoader("Algebra");

		List<Course> results = List.of(get("c1", loader), get("c1", loader), get("c1", loader));

		assertThat(results).containsOnly(new Course("c1", "Algebra"));
		assertThat(loader.calls()).isOne();
		assertThat(gets("hit")).isEqualTo(2);
		assertThat(gets("miss")).isEqualTo(1);
		assertThat(this.meterRegistry.get("aula.cache.loads").tag("cache", this.cacheName).timer().count()).isOne();
	}

	@Test
	void concurrentGetsOfAMissingKeyRunTheLoaderOnce() throws Exception {
		AtomicInteger calls = new AtomicInteger();
		CountDownLatch start = new CountDownLatch(1);
		Supplier<Course> slowLoader = () -> {
			calls.incrementAndGet();
			sleep(Duration.ofMillis(200));
			return new Course("c1", "Geometry");
		};
		List<Future<Course>> results = new ArrayList<>();
		try (ExecutorService callers = Executors.newFixedThreadPool(50)) {
			for (int i = 0; i < 50; i++) {
				results.add(callers.submit(() -> {
					start.await();
					return this.cache.get(this.cacheName, "c1", Course.class, slowLoader);
				}));
			}
			start.countDown();
			for (Future<Course> result : results) {
				assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo(new Course("c1", "Geometry"));
			}
		}

		assertThat(calls).hasValue(1);
	}

	@Test
	void evictMakesTheNextGetLoadAgain() {
		CountingLoader loader = new CountingLoader("Algebra");
		get("c1", loader);
		loader.title = "Linear Algebra";

		this.cache.evict(this.cacheName, "c1");

		assertThat(get("c1", loader)).isEqualTo(new Course("c1", "Linear Algebra"));
		assertThat(loader.calls()).isEqualTo(2);
	}

	@Test
	void aLoadThatStartedBeforeAnEvictionDoesNotCacheItsStaleValue() throws Exception {
		assertThat(loadRacingAnEviction(() -> this.cache.evict(this.cacheName, "c1")))
			.isEqualTo(new Course("c1", "Algebra"));

		assertThat(get("c1", new CountingLoader("Linear Algebra"))).isEqualTo(new Course("c1", "Linear Algebra"));
	}

	/**
	 * Starts a get of {@code c1} whose loader reads "Algebra" from the database, then
	 * lets {@code evict} run (as after an update) before the loader returns.
	 * @return what the racing get returned
	 */
	Course loadRacingAnEviction(Runnable evict) throws Exception {
		CountDownLatch loading = new CountDownLatch(1);
		CountDownLatch evicted = new CountDownLatch(1);
		Supplier<Course> loaderReadingBeforeTheUpdate = () -> {
			Course read = new Course("c1", "Algebra");
			loading.countDown();
			awaitLatch(evicted);
			return read;
		};
		try (ExecutorService caller = Executors.newSingleThreadExecutor()) {
			Future<Course> racing = caller
				.submit(() -> this.cache.get(this.cacheName, "c1", Course.class, loaderReadingBeforeTheUpdate));
			assertThat(loading.await(10, TimeUnit.SECONDS)).isTrue();
			evict.run();
			evicted.countDown();
			return racing.get(10, TimeUnit.SECONDS);
		}
	}

	@Test
	void clearMakesEveryKeyOfThatCacheLoadAgain() {
		CountingLoader loader = new CountingLoader("Algebra");
		String otherCache = "lessons-" + UUID.randomUUID();
		get("c1", loader);
		get("c2", loader);
		get(otherCache, "c1", loader);
		loader.title = "Calculus";

		this.cache.clear(this.cacheName);

		assertThat(get("c1", loader)).isEqualTo(new Course("c1", "Calculus"));
		assertThat(get("c2", loader)).isEqualTo(new Course("c2", "Calculus"));
		assertThat(get(otherCache, "c1", loader)).isEqualTo(new Course("c1", "Algebra"));
		assertThat(loader.calls()).isEqualTo(5);
	}

	@Test
	void aNullFromTheLoaderIsReturnedButNotCached() {
		AtomicInteger calls = new AtomicInteger();
		Supplier<Course> nothing = () -> {
			calls.incrementAndGet();
			return null;
		};

		assertThat(this.cache.get(this.cacheName, "missing", Course.class, nothing)).isNull();
		assertThat(this.cache.get(this.cacheName, "missing", Course.class, nothing)).isNull();
		assertThat(calls).hasValue(2);
	}

	@Test
	void aFailingLoaderReachesTheCallerAndIsNotCached() {
		Supplier<Course> failing = () -> {
			throw new IllegalStateException("database down");
		};

		assertThatIllegalStateException().isThrownBy(() -> this.cache.get(this.cacheName, "c1", Course.class, failing))
			.withMessage("database down");
		assertThat(get("c1", new CountingLoader("Algebra"))).isEqualTo(new Course("c1", "Algebra"));
	}

	@Test
	void entriesExpireAfterTheirCachesTimeToLive() {
		CountingLoader loader = new CountingLoader("Algebra");
		get(SHORT_LIVED, this.cacheName, loader);
		loader.title = "Statistics";

		await().atMost(Duration.ofSeconds(3))
			.until(() -> get(SHORT_LIVED, this.cacheName, loader).title().equals("Statistics"));
	}

	@Test
	void namedCachesDoNotShareKeys() {
		String otherCache = "lessons-" + UUID.randomUUID();

		get("c1", new CountingLoader("Algebra"));

		assertThat(get(otherCache, "c1", new CountingLoader("Lesson one")).title()).isEqualTo("Lesson one");
	}

	Course get(String key, CountingLoader loader) {
		return get(this.cacheName, key, loader);
	}

	Course get(String cacheName, String key, CountingLoader loader) {
		return this.cache.get(cacheName, key, Course.class, loader.forKey(key));
	}

	double gets(String result) {
		return this.meterRegistry.get("aula.cache.gets")
			.tag("cache", this.cacheName)
			.tag("result", result)
			.counter()
			.count();
	}

	private static void awaitLatch(CountDownLatch latch) {
		try {
			assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	record Course(String id, String title) {
	}

	/**
	 * Loads courses titled {@link #title}, counting the calls.
	 */
	static final class CountingLoader {

		private final AtomicInteger calls = new AtomicInteger();

		volatile String title;

		CountingLoader(String title) {
			this.title = title;
		}

		Supplier<Course> forKey(String key) {
			return () -> {
				this.calls.incrementAndGet();
				return new Course(key, this.title);
			};
		}

		int calls() {
			return this.calls.get();
		}

	}

}
