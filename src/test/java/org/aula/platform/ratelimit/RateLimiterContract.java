package org.aula.platform.ratelimit;

import java.time.Duration;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What every {@link RateLimiter} must do, whichever store holds its buckets.
 */
abstract class RateLimiterContract {

	final MeterRegistry meterRegistry = new SimpleMeterRegistry();

	RateLimiter limiter;

	abstract RateLimiter createLimiter(MeterRegistry meterRegistry);

	@BeforeEach
	void createLimiter() {
		this.limiter = createLimiter(this.meterRegistry);
	}

	static RateLimitRule rule(long capacity, Duration period) {
		return new RateLimitRule("rule-" + UUID.randomUUID(), capacity, period);
	}

	@Test
	void allowsCapacityRequestsThenRejectsUntilATokenIsBack() {
		RateLimitRule rule = rule(3, Duration.ofMinutes(1));

		RateLimitDecision first = this.limiter.tryConsume("alice", rule);
		this.limiter.tryConsume("alice", rule);
		RateLimitDecision third = this.limiter.tryConsume("alice", rule);
		RateLimitDecision fourth = this.limiter.tryConsume("alice", rule);

		assertThat(first.allowed()).isTrue();
		assertThat(first.limit()).isEqualTo(3);
		assertThat(first.remaining()).isEqualTo(2);
		assertThat(first.retryAfter()).isZero();
		assertThat(first.resetAfter()).isPositive().isLessThanOrEqualTo(rule.period());
		assertThat(third.allowed()).isTrue();
		assertThat(third.remaining()).isZero();
		assertThat(fourth.allowed()).isFalse();
		assertThat(fourth.limit()).isEqualTo(3);
		assertThat(fourth.remaining()).isZero();
		assertThat(fourth.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(20));
		assertThat(fourth.resetAfter()).isGreaterThan(Duration.ofSeconds(40)).isLessThanOrEqualTo(rule.period());
	}

	@Test
	void refillsGraduallyWithinThePeriod() {
		RateLimitRule rule = rule(2, Duration.ofMillis(500));
		this.limiter.tryConsume("bob", rule);
		this.limiter.tryConsume("bob", rule);

		RateLimitDecision rejected = this.limiter.tryConsume("bob", rule);

		assertThat(rejected.allowed()).isFalse();
		assertThat(rejected.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMillis(250));
		await().atMost(Duration.ofSeconds(2)).until(() -> this.limiter.tryConsume("bob", rule).allowed());
	}

	@Test
	void peekTellsTheOutcomeWithoutTakingARequest() {
		RateLimitRule rule = rule(2, Duration.ofMinutes(1));

		for (int i = 0; i < 5; i++) {
			RateLimitDecision peeked = this.limiter.peek("erin", rule);
			assertThat(peeked.allowed()).isTrue();
			assertThat(peeked.remaining()).isEqualTo(2);
		}
		this.limiter.tryConsume("erin", rule);
		this.limiter.tryConsume("erin", rule);

		RateLimitDecision exhausted = this.limiter.peek("erin", rule);
		assertThat(exhausted.allowed()).isFalse();
		assertThat(exhausted.remaining()).isZero();
		assertThat(exhausted.retryAfter()).isPositive();
		assertThat(exhausted.resetAfter()).isPositive().isLessThanOrEqualTo(rule.period());
	}

	@Test
	void keysDoNotShareABucket() {
		RateLimitRule rule = rule(1, Duration.ofMinutes(1));

		assertThat(this.limiter.tryConsume("carol", rule).allowed()).isTrue();
		assertThat(this.limiter.tryConsume("carol", rule).allowed()).isFalse();
		assertThat(this.limiter.tryConsume("dave", rule).allowed()).isTrue();
	}

	@Test
	void rulesDoNotShareABucketForTheSameKey() {
		RateLimitRule login = rule(1, Duration.ofMinutes(1));
		RateLimitRule search = rule(1, Duration.ofMinutes(1));

		assertThat(this.limiter.tryConsume("erin", login).allowed()).isTrue();
		assertThat(this.limiter.tryConsume("erin", login).allowed()).isFalse();
		assertThat(this.limiter.tryConsume("erin", search).allowed()).isTrue();
	}

	@Test
	void aChangedRuleReconfiguresExistingBucketsKeepingTheShareUsed() {
		RateLimitRule before = rule(4, Duration.ofHours(1));
		RateLimitRule after = new RateLimitRule(before.name(), 8, Duration.ofHours(1));
		this.limiter.tryConsume("frank", before);
		this.limiter.tryConsume("frank", before);

		RateLimitDecision decision = this.limiter.tryConsume("frank", after);

		assertThat(decision.allowed()).isTrue();
		assertThat(decision.limit()).isEqualTo(8);
		assertThat(decision.remaining()).isEqualTo(3);
	}

	@Test
	void countsDecisionsPerRuleAndOutcome() {
		RateLimitRule rule = rule(2, Duration.ofMinutes(1));
		for (int i = 0; i < 3; i++) {
			this.limiter.tryConsume("grace", rule);
		}

		assertThat(decisions(rule, "allowed")).isEqualTo(2);
		assertThat(decisions(rule, "rejected")).isEqualTo(1);
	}

	private double decisions(RateLimitRule rule, String outcome) {
		return this.meterRegistry.get("aula.ratelimit.decisions")
			.tag("rule", rule.name())
			.tag("outcome", outcome)
			.counter()
			.count();
	}

}
