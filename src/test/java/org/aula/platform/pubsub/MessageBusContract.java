package org.aula.platform.pubsub;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What every {@link MessageBus} must do, whichever store carries the messages.
 */
abstract class MessageBusContract {

	static final Duration DELIVERY = Duration.ofSeconds(2);

	MessageBus bus;

	final String channel = "channel-" + UUID.randomUUID();

	abstract MessageBus createBus();

	@BeforeEach
	void createBusUnderTest() {
		this.bus = createBus();
	}

	@Test
	void aSubscriberReceivesMessagesInPublishOrder() {
		Queue<String> received = new ConcurrentLinkedQueue<>();
		this.bus.subscribe(this.channel, received::add);
		List<String> sent = IntStream.range(0, 200).mapToObj((i) -> "message-" + i).toList();

		sent.forEach((message) -> this.bus.publish(this.channel, message));

		await().atMost(DELIVERY).untilAsserted(() -> assertThat(received).containsExactlyElementsOf(sent));
	}

	@Test
	void everySubscriberReceivesEachMessage() {
		Queue<String> first = new ConcurrentLinkedQueue<>();
		Queue<String> second = new ConcurrentLinkedQueue<>();
		this.bus.subscribe(this.channel, first::add);
		this.bus.subscribe(this.channel, second::add);

		this.bus.publish(this.channel, "hello");
		this.bus.publish(this.channel, "world");

		await().atMost(DELIVERY).untilAsserted(() -> {
			assertThat(first).containsExactly("hello", "world");
			assertThat(second).containsExactly("hello", "world");
		});
	}

	@Test
	void aClosedSubscriptionReceivesNothingMore() {
		Queue<String> closed = new ConcurrentLinkedQueue<>();
		Queue<String> open = new ConcurrentLinkedQueue<>();
		Subscription subscription = this.bus.subscribe(this.channel, closed::add);
		this.bus.subscribe(this.channel, open::add);
		this.bus.publish(this.channel, "before");
		await().atMost(DELIVERY).untilAsserted(() -> assertThat(closed).containsExactly("before"));

		subscription.close();
		subscription.close();
		this.bus.publish(this.channel, "after");

		await().atMost(DELIVERY).untilAsserted(() -> assertThat(open).containsExactly("before", "after"));
		assertThat(closed).containsExactly("before");
	}

	@Test
	void theLastSubscriptionClosedThenANewOneStillReceives() {
		this.bus.subscribe(this.channel, (message) -> {
		}).close();
		Queue<String> received = new ConcurrentLinkedQueue<>();
		this.bus.subscribe(this.channel, received::add);

		this.bus.publish(this.channel, "again");

		await().atMost(DELIVERY).untilAsserted(() -> assertThat(received).containsExactly("again"));
	}

	@Test
	void aThrowingListenerStopsNeitherOtherListenersNorLaterMessages() {
		Queue<String> survivor = new ConcurrentLinkedQueue<>();
		Queue<String> flaky = new ConcurrentLinkedQueue<>();
		this.bus.subscribe(this.channel, (message) -> {
			throw new IllegalStateException("listener broken on purpose");
		});
		this.bus.subscribe(this.channel, (message) -> {
			if (message.equals("first")) {
				throw new IllegalStateException("listener fails once on purpose");
			}
			flaky.add(message);
		});
		this.bus.subscribe(this.channel, survivor::add);

		this.bus.publish(this.channel, "first");
		this.bus.publish(this.channel, "second");

		await().atMost(DELIVERY).untilAsserted(() -> {
			assertThat(survivor).containsExactly("first", "second");
			assertThat(flaky).containsExactly("second");
		});
	}

	@Test
	void messagesStayOnTheirChannel() {
		Queue<String> received = new ConcurrentLinkedQueue<>();
		this.bus.subscribe(this.channel, received::add);

		this.bus.publish(this.channel + "-other", "elsewhere");
		this.bus.publish(this.channel, "here");

		await().atMost(DELIVERY).untilAsserted(() -> assertThat(received).contains("here"));
		assertThat(received).containsExactly("here");
	}

}
