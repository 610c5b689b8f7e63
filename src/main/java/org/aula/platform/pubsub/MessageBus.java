package org.aula.platform.pubsub;

import java.util.function.Consumer;

/**
 * Broadcasts text messages on named channels. Every listener subscribed to a channel
 * receives each message published on it after the subscription was made: on this
 * instance, and in the shared (Redis) mode on every instance. Messages from one publisher
 * on one channel arrive in the order they were published. Delivery is at most once: a
 * listener that is not subscribed, or an instance that is disconnected, when a message is
 * published never sees it, so use the bus for notifications that are safe to miss (cache
 * invalidation, live updates), not for work that must happen.
 */
public interface MessageBus {

	/**
	 * Sends {@code payload} to every current subscriber of {@code channel}.
	 * @param channel the channel name, without any store prefix
	 * @param payload the message
	 * @throws RuntimeException if the shared store cannot be reached
	 */
	void publish(String channel, String payload);

	/**
	 * Calls {@code listener} with each message later published on {@code channel} until
	 * the returned subscription is closed. A listener that throws is logged and keeps its
	 * subscription; the other listeners and the later messages are not affected.
	 * Listeners may be called on another thread than the publisher's.
	 * @param channel the channel name, without any store prefix
	 * @param listener receives each message's payload
	 * @return the subscription, to close when the messages are no longer wanted
	 * @throws RuntimeException if the shared store cannot register the subscription
	 */
	Subscription subscribe(String channel, Consumer<String> listener);

}
