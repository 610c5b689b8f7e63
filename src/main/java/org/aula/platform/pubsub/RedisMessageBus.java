package org.aula.platform.pubsub;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Channels in Redis, named {@code <prefix><channel>}, so every instance on the same Redis
 * shares them. One pub/sub connection carries all channels of this bus; Lettuce
 * reconnects it and subscribes its channels again after a connection loss (messages
 * published meanwhile are lost, as {@link MessageBus} allows). Lettuce hands messages
 * over in order on its event loop; they are passed at once to a per-channel
 * {@link SerialDispatcher} on virtual threads, so a listener never runs on, or blocks,
 * the event loop, and the order within a channel is kept.
 */
final class RedisMessageBus implements MessageBus, AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(RedisMessageBus.class);

	private static final int MAX_PENDING_PER_CHANNEL = 10_000;

	private final String channelPrefix;

	private final StatefulRedisConnection<String, String> publishing;

	private final StatefulRedisPubSubConnection<String, String> subscribing;

	private final ExecutorService dispatchExecutor = Executors.newVirtualThreadPerTaskExecutor();

	private final Map<String, ChannelListeners> channels = new ConcurrentHashMap<>();

	/**
	 * Serialises SUBSCRIBE and UNSUBSCRIBE so the last listener leaving a channel cannot
	 * unsubscribe it after a new listener has subscribed it again.
	 */
	private final Lock subscriptionChanges = new ReentrantLock();

	RedisMessageBus(RedisClient client, String channelPrefix) {
		this.channelPrefix = channelPrefix;
		this.publishing = client.connect();
		this.subscribing = client.connectPubSub();
		this.subscribing.addListener(new RedisPubSubAdapter<>() {

			@Override
			public void message(String channel, String message) {
				dispatch(channel, message);
			}

		});
	}

	@Override
	public void publish(String channel, String payload) {
		this.publishing.sync().publish(this.channelPrefix + channel, payload);
	}

	@Override
	public Subscription subscribe(String channel, Consumer<String> listener) {
		ListenerSubscription subscription = new ListenerSubscription(channel, listener, this::unsubscribe);
		this.subscriptionChanges.lock();
		try {
			ChannelListeners listeners = this.channels.get(channel);
			if (listeners != null) {
				listeners.subscriptions().add(subscription);
				return subscription;
			}
			listeners = new ChannelListeners(
					new SerialDispatcher(channel, this.dispatchExecutor, MAX_PENDING_PER_CHANNEL));
			listeners.subscriptions().add(subscription);
			this.channels.put(channel, listeners);
			try {
				// waits for Redis to confirm, so any message published after this returns
				// is delivered
				this.subscribing.sync().subscribe(this.channelPrefix + channel);
			}
			catch (RuntimeException ex) {
				this.channels.remove(channel);
				throw ex;
			}
			return subscription;
		}
		finally {
			this.subscriptionChanges.unlock();
		}
	}

	private void unsubscribe(ListenerSubscription subscription) {
		this.subscriptionChanges.lock();
		try {
			ChannelListeners listeners = this.channels.get(subscription.channel());
			if (listeners == null || !listeners.subscriptions().remove(subscription)
					|| !listeners.subscriptions().isEmpty()) {
				return;
			}
			this.channels.remove(subscription.channel());
			this.subscribing.async().unsubscribe(this.channelPrefix + subscription.channel()).exceptionally((ex) -> {
				// harmless: messages for a channel without listeners are ignored
				logger.debug("Could not unsubscribe channel '{}'", subscription.channel(), ex);
				return null;
			});
		}
		finally {
			this.subscriptionChanges.unlock();
		}
	}

	private void dispatch(String redisChannel, String message) {
		if (!redisChannel.startsWith(this.channelPrefix)) {
			return;
		}
		ChannelListeners listeners = this.channels.get(redisChannel.substring(this.channelPrefix.length()));
		if (listeners != null) {
			// the listeners subscribed when the message arrived, not when it is delivered
			ListenerSubscription[] recipients = listeners.subscriptions().toArray(new ListenerSubscription[0]);
			listeners.dispatcher().execute(() -> {
				for (ListenerSubscription recipient : recipients) {
					recipient.deliver(message);
				}
			});
		}
	}

	@Override
	public void close() {
		this.subscribing.close();
		this.publishing.close();
		this.dispatchExecutor.shutdown();
	}

	private record ChannelListeners(SerialDispatcher dispatcher, List<ListenerSubscription> subscriptions) {

		ChannelListeners(SerialDispatcher dispatcher) {
			this(dispatcher, new CopyOnWriteArrayList<>());
		}

	}

}
