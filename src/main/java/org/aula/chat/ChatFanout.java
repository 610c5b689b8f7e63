package org.aula.chat;

import java.util.UUID;

import org.aula.platform.pubsub.MessageBus;
import org.aula.platform.pubsub.Subscription;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Carries chat events to every instance over the platform's message bus, this one
 * included, where the {@link ChatHub} hands them to its sockets. A broadcast may be lost
 * (the bus allows it while Redis is away); a stored message is not, since each socket
 * fills gaps in the seqs it has seen from the database.
 */
@Component
class ChatFanout implements InitializingBean, DisposableBean {

	static final String CHANNEL = "chat";

	private static final Logger logger = LoggerFactory.getLogger(ChatFanout.class);

	private final MessageBus bus;

	private final JsonMapper json;

	private final ChatHub hub;

	private @Nullable Subscription subscription;

	ChatFanout(MessageBus bus, JsonMapper json, ChatHub hub) {
		this.bus = bus;
		this.json = json;
		this.hub = hub;
	}

	/**
	 * One event on the bus.
	 *
	 * @param kind {@code message}, {@code deleted} or {@code typing}
	 * @param roomId the room
	 * @param message the stored message or its tombstone
	 * @param userId who is typing
	 */
	record Event(String kind, UUID roomId, @Nullable ChatMessage message, @Nullable UUID userId) {
	}

	@Override
	public void afterPropertiesSet() {
		this.subscription = this.bus.subscribe(CHANNEL, this::received);
	}

	@Override
	public void destroy() {
		if (this.subscription != null) {
			this.subscription.close();
		}
	}

	void message(ChatMessage message) {
		publish(new Event("message", message.roomId(), message, null));
	}

	void deleted(ChatMessage tombstone) {
		publish(new Event("deleted", tombstone.roomId(), tombstone, null));
	}

	void typing(UUID roomId, UUID userId) {
		publish(new Event("typing", roomId, null, userId));
	}

	private void publish(Event event) {
		this.bus.publish(CHANNEL, this.json.writeValueAsString(event));
	}

	private void received(String payload) {
		Event event;
		try {
			event = this.json.readValue(payload, Event.class);
		}
		catch (JacksonException ex) {
			logger.warn("Ignoring a chat event that cannot be read: {}", ex.getOriginalMessage());
			return;
		}
		switch (event.kind()) {
			case "message" -> this.hub.deliver(event.message());
			case "deleted" -> this.hub.deliverDeletion(event.message());
			case "typing" -> this.hub.deliverTyping(event.roomId(), event.userId());
			default -> logger.debug("Ignoring chat event of kind {}", event.kind());
		}
	}

}
