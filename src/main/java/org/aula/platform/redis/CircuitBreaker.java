package org.aula.platform.redis;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Keeps a failing store from adding its timeout to every request. After a failure, calls
 * are refused at once for the open period; then one call is let through to try again
 * while the others are still refused, and its success closes the breaker.
 */
public final class CircuitBreaker {

	private final long openNanos;

	private final LongSupplier nanoTime;

	private final AtomicLong nextTrial = new AtomicLong();

	private volatile boolean open;

	/**
	 * @param openFor how long calls are refused after a failure
	 */
	public CircuitBreaker(Duration openFor) {
		this(openFor, System::nanoTime);
	}

	CircuitBreaker(Duration openFor, LongSupplier nanoTime) {
		this.openNanos = openFor.toNanos();
		this.nanoTime = nanoTime;
	}

	/**
	 * Runs {@code call} unless the breaker is open. A {@link RuntimeException} from the
	 * call opens the breaker and is rethrown; a normal return closes it.
	 * @param call the store operation, and nothing whose failure is not the store's
	 * @param <T> the result's type
	 * @return the call's result
	 * @throws RedisUnavailable at once, without calling, while the breaker is open
	 */
	public <T> T call(Supplier<T> call) {
		if (!tryAcquire()) {
			throw refused();
		}
		try {
			T result = call.get();
			this.open = false;
			return result;
		}
		catch (RuntimeException ex) {
			failed();
			throw ex;
		}
	}

	/**
	 * Like {@link #call}, for an operation that completes later: its exceptional
	 * completion opens the breaker, a normal one closes it.
	 * @param call starts the store operation
	 * @param <T> the result's type
	 * @return the operation's future, or one already failed with {@link RedisUnavailable}
	 * while the breaker is open
	 */
	public <T> CompletableFuture<T> callAsync(Supplier<CompletableFuture<T>> call) {
		if (!tryAcquire()) {
			return CompletableFuture.failedFuture(refused());
		}
		CompletableFuture<T> started;
		try {
			started = call.get();
		}
		catch (RuntimeException ex) {
			failed();
			return CompletableFuture.failedFuture(ex);
		}
		return started.whenComplete((result, failure) -> {
			if (failure != null) {
				failed();
			}
			else {
				this.open = false;
			}
		});
	}

	/**
	 * @return whether calls are currently being refused
	 */
	public boolean isOpen() {
		return this.open;
	}

	private boolean tryAcquire() {
		if (!this.open) {
			return true;
		}
		long now = this.nanoTime.getAsLong();
		long trial = this.nextTrial.get();
		return now - trial >= 0 && this.nextTrial.compareAndSet(trial, now + this.openNanos);
	}

	private void failed() {
		this.nextTrial.set(this.nanoTime.getAsLong() + this.openNanos);
		this.open = true;
	}

	private RedisUnavailable refused() {
		return new RedisUnavailable(
				"Redis failed less than %d ms ago; not asking it again yet".formatted(this.openNanos / 1_000_000));
	}

}
