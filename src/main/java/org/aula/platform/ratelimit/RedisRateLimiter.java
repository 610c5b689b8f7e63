package org.aula.platform.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Buckets in Redis, shared by every instance, under {@code <prefix>rl:{<rule>}:<key>};
 * the hash tag keeps all buckets of one rule in one Redis Cluster slot. Redis drops a
 * bucket a little after it would have refilled completely.
 */
final class RedisRateLimiter extends BucketRateLimiter implements AutoCloseable {

	private static final Duration KEEP_AFTER_REFILL = Duration.ofSeconds(10);

	private final StatefulRedisConnection<String, byte[]> connection;

	private final ProxyManager<String> proxyManager;

	private final String keyPrefix;

	private final Map<String, VersionedRule> versions = new ConcurrentHashMap<>();

	RedisRateLimiter(RedisClient client, String keyPrefix, MeterRegistry meterRegistry) {
		super(meterRegistry);
		this.connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
		this.proxyManager = Bucket4jLettuce.casBasedBuilder(this.connection)
			.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_AFTER_REFILL))
			.build();
		this.keyPrefix = keyPrefix;
	}

	@Override
	Bucket bucket(String key, RateLimitRule rule) {
		return this.proxyManager.builder()
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

}
