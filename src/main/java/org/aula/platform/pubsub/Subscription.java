package org.aula.platform.pubsub;

/**
 * A listener's interest in one channel of a {@link MessageBus}. Once closed, the listener
 * receives nothing more; closing again does nothing.
 */
public interface Subscription extends AutoCloseable {

	@Override
	void close();

}
