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
 * <p>
 * While Redis is down, the shared bus keeps Aula running rather than failing its callers:
 * messages published meanwhile are dropped (counted in {@code aula.pubsub.dropped} and
 * logged at WARN at most once a minute), subscriptions are kept and take effect on Redis
 * as soon as it answers again, without a restart.
 */
public interface MessageBus {

	/**
	 * Sends {@code payload} to every current subscriber of {@code channel}.
	 * @param channel the channel name, without any store prefix
	 * @param payload the message; dropped if the shared store cannot be reached, which is
	 * not reported to the caller
	 */
	void publish(String channel, String payload);

	/**
	 * Calls {@code listener} with each message later published on {@code channel} until
	 * the returned subscription is closed. A listener that throws is logged and keeps its
	 * subscription; the other listeners and the later messages are not affected.
	 * Listeners may be called on another thread than the publisher's. If the shared store
	 * cannot register the subscription now, it is registered as soon as the store
	 * answers, and until then the listener receives nothing.
	 * @param channel the channel name, without any store prefix
	 * @param listener receives each message's payload
	 * @return the subscription, to close when the messages are no longer wanted
	 */
	Subscription subscribe(String channel, Consumer<String> listener);

}
