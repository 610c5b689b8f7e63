package org.aula.platform.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Buckets in this instance's memory. A bucket left alone for one period of its rule has
 * refilled completely, so it is dropped then: a fresh one is indistinguishable, and the
 * cache stays bounded however many keys (client addresses, user ids) come and go.
 */
final class InMemoryRateLimiter extends BucketRateLimiter {

	private final Cache<String, RuleBucket> buckets;

	InMemoryRateLimiter(long maxBuckets, MeterRegistry meterRegistry) {
		super(meterRegistry);
		this.buckets = Caffeine.newBuilder()
			.maximumSize(maxBuckets)
			.expireAfter(Expiry.accessing((String key, RuleBucket bucket) -> bucket.rule().period()))
			.build();
	}

	@Override
	Bucket bucket(String key, RateLimitRule rule) {
		String bucketKey = rule.name() + '\n' + key;
		RuleBucket current = this.buckets.get(bucketKey, (ignored) -> new RuleBucket(rule, newBucket(rule)));
		if (!current.rule().equals(rule)) {
			current.bucket()
				.replaceConfiguration(BucketConfiguration.builder().addLimit(bandwidth(rule)).build(),
						TokensInheritanceStrategy.PROPORTIONALLY);
			this.buckets.put(bucketKey, new RuleBucket(rule, current.bucket()));
		}
		return current.bucket();
	}

	long size() {
		this.buckets.cleanUp();
		return this.buckets.estimatedSize();
	}

	private static Bucket newBucket(RateLimitRule rule) {
		return Bucket.builder().addLimit(bandwidth(rule)).build();
	}

	private record RuleBucket(RateLimitRule rule, Bucket bucket) {
	}

}
