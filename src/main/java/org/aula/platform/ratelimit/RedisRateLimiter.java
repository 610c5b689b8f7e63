package org.aula.platform.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ExecutionStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.micrometer.core.instrument.MeterRegistry;
import org.aula.platform.redis.CircuitBreaker;
import org.aula.platform.redis.LazyConnection;
import org.aula.platform.redis.RedisConnector;

/**
 * Buckets in Redis, shared by every instance, under {@code <prefix>rl:{<rule>}:<key>};
 * the hash tag keeps all buckets of one rule in one Redis Cluster slot. Redis drops a
 * bucket a little after it would have refilled completely.
 * <p>
 * Redis is connected on first use, not at start-up, and every failure opens a circuit
 * breaker for a second: while Redis is down or failing, {@link #tryConsume} throws at
 * once (without waiting for a timeout) so the caller can limit per instance instead.
 */
final class RedisRateLimiter extends BucketRateLimiter implements AutoCloseable {

	private static final Duration KEEP_AFTER_REFILL = Duration.ofSeconds(10);

	private static final Duration OPEN_AFTER_FAILURE = Duration.ofSeconds(1);

	private final LazyConnection<Connected> connection;

	private final String keyPrefix;

	private final Map<String, VersionedRule> versions = new ConcurrentHashMap<>();

	RedisRateLimiter(RedisConnector redis, String keyPrefix, MeterRegistry meterRegistry) {
		super(meterRegistry);
		CircuitBreaker breaker = new CircuitBreaker(OPEN_AFTER_FAILURE);
		this.connection = new LazyConnection<>("rate limits", () -> {
			StatefulConnection<String, byte[]> made = redis
				.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
			return new Connected(made,
					proxyManagerBuilder(made)
						.expirationAfterWrite(
								ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_AFTER_REFILL))
						.executionStrategy(new BreakerExecution(breaker))
						.build());
		});
		this.keyPrefix = keyPrefix;
	}

	/** Bucket4j has one entry point per kind of connection. */
	private static Bucket4jLettuce.LettuceBasedProxyManagerBuilder<String> proxyManagerBuilder(
			StatefulConnection<String, byte[]> connection) {
		return switch (connection) {
			case StatefulRedisClusterConnection<String, byte[]> cluster -> Bucket4jLettuce.casBasedBuilder(cluster);
			case StatefulRedisConnection<String, byte[]> single -> Bucket4jLettuce.casBasedBuilder(single);
			default -> throw new IllegalArgumentException("Unknown Redis connection " + connection.getClass());
		};
	}

	@Override
	Bucket bucket(String key, RateLimitRule rule) {
		return this.connection.get()
			.proxyManager()
			.builder()
			.withImplicitConfigurationReplacement(version(rule), TokensInheritanceStrategy.PROPORTIONALLY)
			.build(this.keyPrefix + "rl:{" + rule.name() + "}:" + key,
					() -> BucketConfiguration.builder().addLimit(bandwidth(rule)).build());
	}

	/**
	 * Bucket4j replaces a stored configuration only when the caller's version is higher,
	 * so a rule's version is the moment this instance first saw its current shape: after
	 * a rolling deployment that changes a limit, the newer instances' rule wins and the
	 * older ones adopt it instead of flipping it back.
	 */
	private long version(RateLimitRule rule) {
		return this.versions.compute(rule.name(), (name, known) -> {
			if (known != null && known.rule().equals(rule)) {
				return known;
			}
			long now = System.currentTimeMillis();
			return new VersionedRule(rule, (known != null) ? Math.max(now, known.version() + 1) : now);
		}).version();
	}

	@Override
	public void close() {
		this.connection.close();
	}

	private record VersionedRule(RateLimitRule rule, long version) {
	}

	private record Connected(StatefulConnection<String, byte[]> connection,
			ProxyManager<String> proxyManager) implements AutoCloseable {

		@Override
		public void close() {
			this.connection.close();
		}

	}

	/**
	 * Runs every Bucket4j command through the breaker, so the commands of one request
	 * share it with those of every other.
	 */
	private record BreakerExecution(CircuitBreaker breaker) implements ExecutionStrategy {

		@Override
		public <T> T execute(Supplier<T> supplier) {
			return this.breaker.call(supplier);
		}

		@Override
		public <T> CompletableFuture<T> executeAsync(Supplier<CompletableFuture<T>> supplier) {
			return this.breaker.callAsync(supplier);
		}

	}

}
