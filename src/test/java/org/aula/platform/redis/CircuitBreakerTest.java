package org.aula.platform.redis;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class CircuitBreakerTest {

	private final AtomicLong now = new AtomicLong();

	private final CircuitBreaker breaker = new CircuitBreaker(Duration.ofSeconds(1), this.now::get);

	private final AtomicInteger calls = new AtomicInteger();

	@Test
	void refusesCallsWithoutMakingThemForTheOpenPeriodAfterAFailure() {
		assertThatIllegalStateException().isThrownBy(() -> this.breaker.call(this::failing));

		this.now.addAndGet(Duration.ofMillis(999).toNanos());

		assertThatExceptionOfType(RedisUnavailable.class).isThrownBy(() -> this.breaker.call(this::succeeding));
		assertThat(this.calls).hasValue(1);
		assertThat(this.breaker.isOpen()).isTrue();
	}

	@Test
	void letsOneTrialThroughAfterTheOpenPeriodAndClosesWhenItSucceeds() {
		assertThatIllegalStateException().isThrownBy(() -> this.breaker.call(this::failing));
		this.now.addAndGet(Duration.ofSeconds(1).toNanos());

		assertThat(this.breaker.call(this::succeeding)).isEqualTo("ok");

		assertThat(this.breaker.isOpen()).isFalse();
		assertThat(this.breaker.call(this::succeeding)).isEqualTo("ok");
		assertThat(this.calls).hasValue(3);
	}

	@Test
	void aFailedTrialKeepsItOpenForAnotherPeriod() {
		assertThatIllegalStateException().isThrownBy(() -> this.breaker.call(this::failing));
		this.now.addAndGet(Duration.ofSeconds(1).toNanos());
		assertThatIllegalStateException().isThrownBy(() -> this.breaker.call(this::failing));

		this.now.addAndGet(Duration.ofMillis(500).toNanos());

		assertThatExceptionOfType(RedisUnavailable.class).isThrownBy(() -> this.breaker.call(this::succeeding));
		assertThat(this.calls).hasValue(2);
	}

	@Test
	void asynchronousFailuresOpenItToo() {
		assertThat(this.breaker.callAsync(() -> java.util.concurrent.CompletableFuture
			.failedFuture(new IllegalStateException("Redis down on purpose")))).isCompletedExceptionally();

		assertThat(this.breaker.callAsync(() -> CompletableFuture.completedFuture("ok"))).failsWithin(Duration.ZERO)
			.withThrowableThat()
			.havingCause()
			.isInstanceOf(RedisUnavailable.class);
	}

	private String failing() {
		this.calls.incrementAndGet();
		throw new IllegalStateException("Redis down on purpose");
	}

	private String succeeding() {
		this.calls.incrementAndGet();
		return "ok";
	}

}
