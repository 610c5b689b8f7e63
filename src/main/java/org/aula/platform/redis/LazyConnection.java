package org.aula.platform.redis;

import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Redis connection made on first use rather than at start-up, so that an instance
 * starts while Redis is down and picks it up once it answers. While the connection cannot
 * be made, callers are refused at once with {@link RedisUnavailable}; the first caller
 * after a back-off (doubling from 250 ms up to 5 s) tries again, one caller at a time.
 * Once made, the connection is kept: Lettuce reconnects it by itself after a loss.
 *
 * @param <T> the connection, or whatever holds it and closes it
 */
public final class LazyConnection<T extends AutoCloseable> implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(LazyConnection.class);

	private static final long FIRST_RETRY = Duration.ofMillis(250).toNanos();

	private static final long LAST_RETRY = Duration.ofSeconds(5).toNanos();

	private final String purpose;

	private final Supplier<T> connect;

	private final LongSupplier nanoTime;

	private final ReentrantLock connecting = new ReentrantLock();

	private volatile @Nullable T connection;

	private volatile boolean closed;

	private int failedAttempts;

	private long nextAttempt;

	private long retryDelay = FIRST_RETRY;

	/**
	 * @param purpose what the connection is for, as log messages and errors name it
	 * @param connect makes the connection, throwing if Redis cannot be reached
	 */
	public LazyConnection(String purpose, Supplier<T> connect) {
		this(purpose, connect, System::nanoTime);
	}

	LazyConnection(String purpose, Supplier<T> connect, LongSupplier nanoTime) {
		this.purpose = purpose;
		this.connect = connect;
		this.nanoTime = nanoTime;
	}

	/**
	 * The connection, made now if it does not exist yet and an attempt is due.
	 * @return the connection; it may be reconnecting, so a command can still fail
	 * @throws RedisUnavailable if there is no connection and none could be made now
	 */
	public T get() {
		T current = this.connection;
		if (current != null) {
			return current;
		}
		if (!this.connecting.tryLock()) {
			throw new RedisUnavailable("Redis connection for " + this.purpose + " is being made");
		}
		try {
			current = this.connection;
			if (current != null) {
				return current;
			}
			if (this.closed) {
				throw new RedisUnavailable("Redis connection for " + this.purpose + " is closed");
			}
			long now = this.nanoTime.getAsLong();
			if (this.failedAttempts > 0 && now - this.nextAttempt < 0) {
				throw new RedisUnavailable("Redis connection for " + this.purpose + " not made yet");
			}
			return connect(now);
		}
		finally {
			this.connecting.unlock();
		}
	}

	private T connect(long now) {
		try {
			T made = this.connect.get();
			this.connection = made;
			if (this.failedAttempts > 0) {
				logger.info("Redis connection for {} made after {} failed attempts", this.purpose, this.failedAttempts);
			}
			return made;
		}
		catch (RuntimeException ex) {
			this.failedAttempts++;
			this.nextAttempt = now + this.retryDelay;
			this.retryDelay = Math.min(this.retryDelay * 2, LAST_RETRY);
			throw new RedisUnavailable("Redis connection for %s failed: %s".formatted(this.purpose, ex.getMessage()),
					ex);
		}
	}

	/**
	 * @return whether the connection has been made (it may be reconnecting)
	 */
	public boolean isMade() {
		return this.connection != null;
	}

	@Override
	public void close() {
		this.closed = true;
		this.connecting.lock();
		try {
			T current = this.connection;
			this.connection = null;
			if (current != null) {
				current.close();
			}
		}
		catch (Exception ex) {
			logger.debug("Closing the Redis connection for {} failed", this.purpose, ex);
		}
		finally {
			this.connecting.unlock();
		}
	}

}
