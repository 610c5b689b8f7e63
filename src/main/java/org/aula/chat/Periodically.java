package org.aula.chat;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a task on a virtual thread of its own every {@code interval}, between
 * {@link #start()} and {@link #stop()}. These are checks that every instance makes of its
 * own sockets, so they are not jobs of the shared queue. A failed run is logged and the
 * next one comes at its time.
 */
final class Periodically {

	private static final Logger logger = LoggerFactory.getLogger(Periodically.class);

	private final String name;

	private final Duration interval;

	private final Runnable task;

	private volatile @Nullable Thread thread;

	private volatile boolean running;

	Periodically(String name, Duration interval, Runnable task) {
		this.name = name;
		this.interval = interval;
		this.task = task;
	}

	void start() {
		this.running = true;
		this.thread = Thread.ofVirtual().name(this.name).start(this::loop);
	}

	void stop() {
		this.running = false;
		Thread current = this.thread;
		if (current != null) {
			current.interrupt();
		}
	}

	boolean isRunning() {
		return this.running;
	}

	private void loop() {
		while (this.running) {
			try {
				Thread.sleep(this.interval.toMillis());
				this.task.run();
			}
			catch (InterruptedException ex) {
				return;
			}
			catch (RuntimeException ex) {
				logger.warn("{} failed: {}", this.name, ex.getMessage());
			}
		}
	}

}
