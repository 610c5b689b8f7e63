package org.aula.platform.pubsub;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the tasks of one channel one at a time, in the order they were submitted, on a
 * shared executor. A listener that blocks holds up only its own channel, and the queue
 * behind it is bounded so a stuck listener cannot exhaust the memory: past the bound new
 * messages for that channel are dropped, with one warning per overflow.
 */
final class SerialDispatcher {

	private static final Logger logger = LoggerFactory.getLogger(SerialDispatcher.class);

	private final String channel;

	private final Executor executor;

	private final int capacity;

	private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();

	private final AtomicInteger pending = new AtomicInteger();

	private final AtomicBoolean draining = new AtomicBoolean();

	private final AtomicBoolean overflowing = new AtomicBoolean();

	SerialDispatcher(String channel, Executor executor, int capacity) {
		this.channel = channel;
		this.executor = executor;
		this.capacity = capacity;
	}

	void execute(Runnable task) {
		if (this.pending.incrementAndGet() > this.capacity) {
			this.pending.decrementAndGet();
			if (this.overflowing.compareAndSet(false, true)) {
				logger.warn(
						"Listeners on channel '{}' are {} messages behind; dropping new messages until they catch up",
						this.channel, this.capacity);
			}
			return;
		}
		this.overflowing.set(false);
		this.tasks.add(task);
		schedule();
	}

	private void schedule() {
		if (this.draining.compareAndSet(false, true)) {
			try {
				this.executor.execute(this::drain);
			}
			catch (RejectedExecutionException ex) {
				// the bus is closing: nothing is delivered any more
				this.draining.set(false);
			}
		}
	}

	private void drain() {
		try {
			Runnable task;
			while ((task = this.tasks.poll()) != null) {
				this.pending.decrementAndGet();
				task.run();
			}
		}
		finally {
			this.draining.set(false);
			if (!this.tasks.isEmpty()) {
				schedule();
			}
		}
	}

}
