package org.aula.platform.cache;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.aula.platform.pubsub.MessageBus;
import org.aula.platform.pubsub.Subscription;

/**
 * Stands in for the deployment-wide bus between cache instances of one test, delivering
 * on the publisher's thread; the real buses have their own tests.
 */
final class LoopbackMessageBus implements MessageBus {

	private final Map<String, List<Consumer<String>>> channels = new ConcurrentHashMap<>();

	@Override
	public void publish(String channel, String payload) {
		this.channels.getOrDefault(channel, List.of()).forEach((listener) -> listener.accept(payload));
	}

	@Override
	public Subscription subscribe(String channel, Consumer<String> listener) {
		List<Consumer<String>> listeners = this.channels.computeIfAbsent(channel,
				(name) -> new CopyOnWriteArrayList<>());
		listeners.add(listener);
		return () -> listeners.remove(listener);
	}

}
