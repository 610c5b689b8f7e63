package org.aula.platform.pubsub;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Channels within this instance. Listeners run on the publisher's thread, one after the
 * other, which keeps the publish order without any queue.
 */
final class InMemoryMessageBus implements MessageBus {

	private final Map<String, List<ListenerSubscription>> channels = new ConcurrentHashMap<>();

	@Override
	public void publish(String channel, String payload) {
		List<ListenerSubscription> listeners = this.channels.get(channel);
		if (listeners != null) {
			listeners.forEach((listener) -> listener.deliver(payload));
		}
	}

	@Override
	public Subscription subscribe(String channel, Consumer<String> listener) {
		ListenerSubscription subscription = new ListenerSubscription(channel, listener, this::unsubscribe);
		this.channels.compute(channel, (name, listeners) -> {
			List<ListenerSubscription> updated = (listeners != null) ? listeners : new CopyOnWriteArrayList<>();
			updated.add(subscription);
			return updated;
		});
		return subscription;
	}

	private void unsubscribe(ListenerSubscription subscription) {
		this.channels.computeIfPresent(subscription.channel(), (name, listeners) -> {
			listeners.remove(subscription);
			return listeners.isEmpty() ? null : listeners;
		});
	}

}
