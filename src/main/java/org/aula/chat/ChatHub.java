package org.aula.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;

/**
 * This instance's chat sockets and the rooms they follow. Broadcasts arrive here from
 * {@link ChatFanout}; each is turned into one frame, shared by every socket of the room.
 * <p>
 * Every {@code catch-up-interval} the hub compares its rooms' latest seqs in the database
 * with what its sockets have sent, so a message whose broadcast was lost (Redis away) and
 * that no later message reveals still arrives. On shutdown every socket gets a
 * {@code goaway} frame with a randomised reconnect delay and is closed with 1001 (going
 * away), so clients spread their reconnects instead of stampeding the other instances.
 */
@Component
class ChatHub implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(ChatHub.class);

	private final Map<UUID, Set<ChatConnection>> roomSockets = new ConcurrentHashMap<>();

	private final Set<ChatConnection> connections = ConcurrentHashMap.newKeySet();

	/**
	 * Open sockets per user, so that a new socket is checked without scanning them all.
	 */
	private final Map<UUID, Integer> socketsPerUser = new ConcurrentHashMap<>();

	private final ChatRooms rooms;

	private final ChatMessages messages;

	private final ChatSettings settings;

	private final JsonMapper json;

	private final Counter deliveries;

	private final Counter slowConsumers;

	private final Periodically catchUp;

	ChatHub(ChatRooms rooms, ChatMessages messages, ChatSettings settings, JsonMapper json,
			MeterRegistry meterRegistry) {
		this.rooms = rooms;
		this.messages = messages;
		this.settings = settings;
		this.json = json;
		this.catchUp = new Periodically("Chat catch-up", settings.catchUpInterval(), this::catchUpOnce);
		this.deliveries = Counter.builder("aula.chat.frames.sent")
			.description("Frames written to chat sockets")
			.register(meterRegistry);
		this.slowConsumers = Counter.builder("aula.chat.slow.consumers")
			.description("Chat sockets cut off because they did not keep up")
			.register(meterRegistry);
		Gauge.builder("aula.chat.connections", this.connections, Set::size)
			.description("Open chat sockets on this instance")
			.register(meterRegistry);
	}

	/**
	 * Registers the socket unless its user already holds {@code limit} sockets here.
	 * @return whether it was registered
	 */
	boolean connect(ChatConnection connection, int limit) {
		boolean[] admitted = { false };
		this.socketsPerUser.compute(connection.member().id(), (user, count) -> {
			int current = (count != null) ? count : 0;
			admitted[0] = current < limit;
			return admitted[0] ? current + 1 : count;
		});
		if (admitted[0]) {
			this.connections.add(connection);
			connection.start();
		}
		return admitted[0];
	}

	void disconnected(ChatConnection connection) {
		if (this.connections.remove(connection)) {
			this.socketsPerUser.computeIfPresent(connection.member().id(),
					(user, count) -> (count > 1) ? count - 1 : null);
		}
		for (UUID roomId : connection.rooms()) {
			leave(connection, roomId);
		}
	}

	/** Starts sending the room to the socket, from {@code afterSeq} or from now. */
	void join(ChatConnection connection, UUID roomId, @Nullable Long afterSeq) {
		if (connection.rooms().add(roomId) || afterSeq != null) {
			connection.offer(new ChatConnection.Resume(roomId, afterSeq));
		}
		this.roomSockets.computeIfAbsent(roomId, (id) -> ConcurrentHashMap.newKeySet()).add(connection);
		if (!connection.isOpen()) {
			// closed while joining: its disconnection may have missed this room
			leave(connection, roomId);
		}
	}

	/** Whether any of the user's sockets here follows the room. */
	boolean follows(UUID userId, UUID roomId) {
		Set<ChatConnection> sockets = this.roomSockets.get(roomId);
		return sockets != null && sockets.stream().anyMatch((socket) -> socket.member().id().equals(userId));
	}

	/** All sockets on this instance. */
	Set<ChatConnection> connections() {
		return this.connections;
	}

	String goawayFrame() {
		long base = this.settings.reconnectDelay().toMillis();
		long delay = base + ThreadLocalRandom.current().nextLong(base + 1);
		return this.json.writeValueAsString(Map.of("type", "goaway", "reconnectAfterMs", delay));
	}

	void leave(ChatConnection connection, UUID roomId) {
		connection.rooms().remove(roomId);
		this.roomSockets.computeIfPresent(roomId, (id, sockets) -> {
			sockets.remove(connection);
			return sockets.isEmpty() ? null : sockets;
		});
	}

	/** The sockets following each room, for checks that go over all of them. */
	Map<UUID, Set<ChatConnection>> roomSockets() {
		return this.roomSockets;
	}

	/** Drops the socket from a room its user may no longer use, and tells it so. */
	void accessEnded(ChatConnection connection, UUID roomId) {
		leave(connection, roomId);
		connection.offer(new ChatConnection.Frame(this.json.writeValueAsString(Map.of("type", "error", "code",
				"access-ended", "roomId", roomId, "detail", "You are no longer a member of this room"))));
	}

	void deliver(ChatMessage message) {
		Set<ChatConnection> sockets = this.roomSockets.get(message.roomId());
		if (sockets == null) {
			return;
		}
		ChatConnection.Live live = new ChatConnection.Live(message.roomId(), message.seq(), messageFrame(message));
		for (ChatConnection socket : sockets) {
			socket.offer(live);
		}
	}

	void deliverDeletion(ChatMessage tombstone) {
		broadcast(tombstone.roomId(), this.json.writeValueAsString(
				Map.of("type", "deleted", "roomId", tombstone.roomId(), "id", tombstone.id(), "seq", tombstone.seq())),
				null);
	}

	void deliverTyping(UUID roomId, UUID userId) {
		broadcast(roomId, this.json.writeValueAsString(Map.of("type", "typing", "roomId", roomId, "userId", userId)),
				userId);
	}

	private void broadcast(UUID roomId, String frame, @Nullable UUID except) {
		Set<ChatConnection> sockets = this.roomSockets.get(roomId);
		if (sockets == null) {
			return;
		}
		ChatConnection.Frame task = new ChatConnection.Frame(frame);
		for (ChatConnection socket : sockets) {
			if (!socket.member().id().equals(except)) {
				socket.offer(task);
			}
		}
	}

	String messageFrame(ChatMessage message) {
		return this.json.writeValueAsString(new MessageFrame("message", message));
	}

	record MessageFrame(String type, ChatMessage message) {
	}

	List<ChatMessage> storedAfter(UUID roomId, long after, long before, int limit) {
		return this.messages.after(roomId, after, before, limit);
	}

	long lastSeq(UUID roomId) {
		return this.rooms.find(roomId).map(ChatRoom::lastSeq).orElse(0L);
	}

	void sent() {
		this.deliveries.increment();
	}

	void slowConsumer(ChatConnection connection) {
		this.slowConsumers.increment();
		logger.info("Chat socket {} of user {} cut off: its send queue of {} frames is full", connection.id(),
				connection.member().id(), this.settings.sendQueueLimit());
	}

	void catchUpOnce() {
		List<UUID> followed = new ArrayList<>(this.roomSockets.keySet());
		for (int from = 0; from < followed.size(); from += 500) {
			Map<UUID, Long> lastSeqs = this.rooms
				.lastSeqs(followed.subList(from, Math.min(followed.size(), from + 500)));
			lastSeqs.forEach((roomId, lastSeq) -> {
				Set<ChatConnection> sockets = this.roomSockets.get(roomId);
				if (sockets != null && lastSeq > 0) {
					ChatConnection.CatchUp task = new ChatConnection.CatchUp(roomId, lastSeq);
					sockets.forEach((socket) -> socket.offer(task));
				}
			});
		}
	}

	@Override
	public void start() {
		this.catchUp.start();
	}

	/**
	 * Tells every socket to go away and come back after a delay with jitter, before the
	 * web server stops.
	 */
	@Override
	public void stop() {
		this.catchUp.stop();
		for (ChatConnection connection : this.connections) {
			connection.offer(new ChatConnection.Frame(goawayFrame()));
			connection.closeAfterQueue(CloseStatus.GOING_AWAY);
		}
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
		while (this.connections.stream().anyMatch(ChatConnection::isOpen) && System.nanoTime() < deadline) {
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.catchUp.isRunning();
	}

}
