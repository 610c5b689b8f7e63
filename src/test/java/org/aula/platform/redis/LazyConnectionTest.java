package org.aula.platform.redis;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class LazyConnectionTest {

	private final AtomicLong now = new AtomicLong();

	private final AtomicInteger attempts = new AtomicInteger();

	private volatile boolean reachable;

	private final LazyConnection<Connection> connection = new LazyConnection<>("tests", () -> {
		this.attempts.incrementAndGet();
		if (!this.reachable) {
			throw new IllegalStateException("connection refused on purpose");
		}
		return new Connection();
	}, this.now::get);

	@Test
	void connectsOnFirstUseNotBefore() {
		this.reachable = true;
		assertThat(this.attempts).hasValue(0);

		Connection first = this.connection.get();

		assertThat(this.connection.get()).isSameAs(first);
		assertThat(this.attempts).hasValue(1);
	}

	@Test
	void refusesAtOnceDuringTheBackOffThenConnectsWhenRedisAnswers() {
		assertThatExceptionOfType(RedisUnavailable.class).isThrownBy(this.connection::get)
			.withMessageContaining("connection refused on purpose");
		this.reachable = true;
		this.now.addAndGet(Duration.ofMillis(200).toNanos());

		assertThatExceptionOfType(RedisUnavailable.class).isThrownBy(this.connection::get);
		assertThat(this.attempts).hasValue(1);

		this.now.addAndGet(Duration.ofMillis(50).toNanos());
		assertThat(this.connection.get()).isNotNull();
		assertThat(this.attempts).hasValue(2);
	}

	@Test
	void backsOffLongerAfterEachFailure() {
		assertThatExceptionOfType(RedisUnavailable.class).isThrownBy(this.connection::get);
		this.now.addAndGet(Duration.ofMillis(250).toNanos());
		assertThatExceptionOfType(RedisUnavailable.class).isThrownBy(this.connection::get);
		this.reachable = true;

		this.now.addAndGet(Duration.ofMillis(499).toNanos());
		assertThatExceptionOfType(RedisUnavailable.class).isThrownBy(this.connection::get);
		this.now.addAndGet(Duration.ofMillis(1).toNanos());

		assertThat(this.connection.get()).isNotNull();
		assertThat(this.attempts).hasValue(3);
	}

	@Test
	void closesTheConnectionAndRefusesAfterwards() {
		this.reachable = true;
		Connection made = this.connection.get();

		this.connection.close();

		assertThat(made.closed).isTrue();
		assertThatExceptionOfType(RedisUnavailable.class).isThrownBy(this.connection::get);
	}

	private static final class Connection implements AutoCloseable {

		volatile boolean closed;

		@Override
		public void close() {
			this.closed = true;
		}

	}

}
