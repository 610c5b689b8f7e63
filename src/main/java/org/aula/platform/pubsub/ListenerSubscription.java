package org.aula.platform.pubsub;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One listener on one channel; delivers only while open and keeps a failing listener from
 * affecting anyone else.
 */
final class ListenerSubscription implements Subscription {

	private static final Logger logger = LoggerFactory.getLogger(ListenerSubscription.class);

	private final String channel;

	private final Consumer<String> listener;

	private final Consumer<ListenerSubscription> onClose;

	private final AtomicBoolean open = new AtomicBoolean(true);

	ListenerSubscription(String channel, Consumer<String> listener, Consumer<ListenerSubscription> onClose) {
		this.channel = channel;
		this.listener = listener;
		this.onClose = onClose;
	}

	String channel() {
		return this.channel;
	}

	void deliver(String payload) {
		if (!this.open.get()) {
			return;
		}
		try {
			this.listener.accept(payload);
		}
		catch (RuntimeException ex) {
			logger.error("A listener on channel '{}' failed; it stays subscribed", this.channel, ex);
		}
	}

	@Override
	public void close() {
		if (this.open.compareAndSet(true, false)) {
			this.onClose.accept(this);
		}
	}

}
