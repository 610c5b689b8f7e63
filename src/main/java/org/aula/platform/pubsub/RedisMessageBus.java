package org.aula.platform.pubsub;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.aula.platform.redis.CircuitBreaker;
import org.aula.platform.redis.LazyConnection;
import org.aula.platform.redis.RedisConnector;
import org.jspecify.annotations.Nullable;
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
 * <p>
 * Redis is connected on first use, so the bus starts while Redis is down. A channel that
 * cannot be subscribed in Redis keeps its listeners here and is subscribed in the
 * background, with back-off, once Redis answers. A message that cannot be published is
 * dropped: counted in {@code aula.pubsub.dropped} and logged at WARN at most once a
 * minute; after a failure publishing skips Redis for a second rather than wait for its
 * timeout on every message.
 */
final class RedisMessageBus implements MessageBus, AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(RedisMessageBus.class);

	private static final int MAX_PENDING_PER_CHANNEL = 10_000;

	private static final Duration OPEN_AFTER_FAILURE = Duration.ofSeconds(1);

	private static final long FIRST_RETRY = Duration.ofMillis(250).toMillis();

	private static final long LAST_RETRY = Duration.ofSeconds(5).toMillis();

	private static final long WARNING_INTERVAL = TimeUnit.MINUTES.toNanos(1);

	private final String channelPrefix;

	private final LazyConnection<StatefulConnection<String, String>> publishing;

	private final LazyConnection<StatefulRedisPubSubConnection<String, String>> subscribing;

	private final CircuitBreaker publishBreaker = new CircuitBreaker(OPEN_AFTER_FAILURE);

	private final Counter dropped;

	private final AtomicLong nextWarning = new AtomicLong(System.nanoTime() - WARNING_INTERVAL);

	private final ExecutorService dispatchExecutor = Executors.newVirtualThreadPerTaskExecutor();

	private final Map<String, ChannelListeners> channels = new ConcurrentHashMap<>();

	/**
	 * Serialises SUBSCRIBE and UNSUBSCRIBE so the last listener leaving a channel cannot
	 * unsubscribe it after a new listener has subscribed it again; also guards
	 * {@link #unconfirmed} and {@link #retrier}.
	 */
	private final Lock subscriptionChanges = new ReentrantLock();

	/** Channels with listeners here that Redis has not confirmed as subscribed yet. */
	private final Set<String> unconfirmed = new LinkedHashSet<>();

	private @Nullable Thread retrier;

	private volatile boolean closed;

	RedisMessageBus(RedisConnector redis, String channelPrefix, MeterRegistry meterRegistry) {
		this.channelPrefix = channelPrefix;
		this.publishing = new LazyConnection<>("publishing messages", () -> redis.connect(StringCodec.UTF8));
		this.subscribing = new LazyConnection<>("receiving messages", () -> {
			StatefulRedisPubSubConnection<String, String> made = redis.connectPubSub();
			made.addListener(new RedisPubSubAdapter<>() {

				@Override
				public void message(String channel, String message) {
					dispatch(channel, message);
				}

			});
			return made;
		});
		this.dropped = Counter.builder("aula.pubsub.dropped")
			.description("Messages not published because Redis could not be reached")
			.register(meterRegistry);
	}

	@Override
	public void publish(String channel, String payload) {
		try {
			this.publishBreaker
				.call(() -> RedisConnector.sync(this.publishing.get()).publish(this.channelPrefix + channel, payload));
		}
		catch (RuntimeException ex) {
			this.dropped.increment();
			warn("Redis cannot be reached, so messages are dropped for now (channel '%s'): %s".formatted(channel,
					ex.getMessage()), ex);
		}
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
			if (!subscribeInRedis(channel)) {
				this.unconfirmed.add(channel);
				retryInBackground();
			}
			return subscription;
		}
		finally {
			this.subscriptionChanges.unlock();
		}
	}

	/**
	 * Waits for Redis to confirm, so any message published after this returns is
	 * delivered.
	 */
	private boolean subscribeInRedis(String channel) {
		try {
			this.subscribing.get().sync().subscribe(this.channelPrefix + channel);
			return true;
		}
		catch (RuntimeException ex) {
			warn("Redis cannot be reached, so channel '%s' is subscribed once it can: %s".formatted(channel,
					ex.getMessage()), ex);
			return false;
		}
	}

	/** Called holding {@link #subscriptionChanges}. */
	private void retryInBackground() {
		if (this.retrier == null && !this.closed) {
			this.retrier = Thread.ofVirtual().name("aula-pubsub-subscribe").start(this::retryUnconfirmed);
		}
	}

	private void retryUnconfirmed() {
		long delay = FIRST_RETRY;
		while (true) {
			try {
				Thread.sleep(delay);
			}
			catch (InterruptedException ex) {
				// closed
				return;
			}
			this.subscriptionChanges.lock();
			try {
				Iterator<String> channels = this.unconfirmed.iterator();
				while (!this.closed && channels.hasNext()) {
					String channel = channels.next();
					if (this.channels.containsKey(channel) && !subscribeInRedis(channel)) {
						break;
					}
					channels.remove();
				}
				if (this.closed || this.unconfirmed.isEmpty()) {
					this.retrier = null;
					return;
				}
			}
			finally {
				this.subscriptionChanges.unlock();
			}
			delay = Math.min(delay * 2, LAST_RETRY);
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
			if (this.unconfirmed.remove(subscription.channel()) || !this.subscribing.isMade()) {
				return;
			}
			this.subscribing.get()
				.async()
				.unsubscribe(this.channelPrefix + subscription.channel())
				.exceptionally((ex) -> {
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

	private void warn(String message, RuntimeException ex) {
		long now = System.nanoTime();
		long next = this.nextWarning.get();
		if (now - next >= 0 && this.nextWarning.compareAndSet(next, now + WARNING_INTERVAL)) {
			logger.warn(message);
		}
		else {
			logger.debug(message, ex);
		}
	}

	@Override
	public void close() {
		this.closed = true;
		this.subscriptionChanges.lock();
		try {
			if (this.retrier != null) {
				this.retrier.interrupt();
			}
		}
		finally {
			this.subscriptionChanges.unlock();
		}
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
