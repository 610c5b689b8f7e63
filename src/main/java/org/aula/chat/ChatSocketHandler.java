package org.aula.chat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.aula.identity.Caller;
import org.aula.platform.ratelimit.RateLimited;
import org.aula.platform.web.InvalidInput;
import org.aula.platform.web.NotFound;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * The JSON frame protocol of {@code /ws/chat}; see {@code docs/chat-protocol.md}. A frame
 * that cannot be understood, or a request that is refused, is answered with an
 * {@code error} frame and the socket stays open.
 */
@Component
class ChatSocketHandler extends TextWebSocketHandler {

	static final String MEMBER = "aula.chat.member";

	/**
	 * The session's {@link ChatConnection}; the hub keeps the registry of all of them.
	 */
	private static final String CONNECTION = "aula.chat.connection";

	static final CloseStatus TOO_MANY_CONNECTIONS = new CloseStatus(4001, "too many connections");

	/** Well below the send queue, which a resume's frames must not fill on their own. */
	static final int MAX_RESUMED_ROOMS = 100;

	private static final java.time.Duration TYPING_INTERVAL = java.time.Duration.ofSeconds(2);

	private static final Logger logger = LoggerFactory.getLogger(ChatSocketHandler.class);

	private final Chat chat;

	private final RoomAccess access;

	private final ChatHub hub;

	private final ChatFanout fanout;

	private final ChatPresence presence;

	private final ChatSettings settings;

	private final JsonMapper json;

	ChatSocketHandler(Chat chat, RoomAccess access, ChatHub hub, ChatFanout fanout, ChatPresence presence,
			ChatSettings settings, JsonMapper json) {
		this.chat = chat;
		this.access = access;
		this.hub = hub;
		this.fanout = fanout;
		this.presence = presence;
		this.settings = settings;
		this.json = json;
	}

	@Override
	public void afterConnectionEstablished(WebSocketSession session) throws Exception {
		Caller member = (Caller) session.getAttributes().get(MEMBER);
		if (session instanceof NativeWebSocketSession nativeSession
				&& nativeSession.getNativeSession() instanceof jakarta.websocket.Session container) {
			// A client that stops reading blocks a write at most this long, then is cut
			// off.
			container.getUserProperties()
				.put("org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT", this.settings.sendTimeLimit().toMillis());
		}
		if (!this.hub.isRunning()) {
			// opened after the goaway round of a shutdown: tell it the same
			session.sendMessage(new TextMessage(this.hub.goawayFrame()));
			session.close(CloseStatus.GOING_AWAY);
			return;
		}
		ChatConnection connection = new ChatConnection(session, member, this.hub, this.settings.sendQueueLimit());
		if (!this.hub.connect(connection, this.settings.maxConnectionsPerUser())) {
			session.sendMessage(new TextMessage(error("too-many-connections", null,
					"At most " + this.settings.maxConnectionsPerUser() + " chat sockets per user on one instance",
					null)));
			session.close(TOO_MANY_CONNECTIONS);
			return;
		}
		session.getAttributes().put(CONNECTION, connection);
	}

	@Override
	public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
		ChatConnection connection = (ChatConnection) session.getAttributes().remove(CONNECTION);
		if (connection != null) {
			connection.closeNow(status);
			java.util.List<UUID> rooms = java.util.List.copyOf(connection.rooms());
			this.hub.disconnected(connection);
			for (UUID roomId : rooms) {
				leftPresence(connection, roomId);
			}
		}
	}

	@Override
	protected void handleTextMessage(WebSocketSession session, TextMessage message) {
		ChatConnection connection = (ChatConnection) session.getAttributes().get(CONNECTION);
		if (connection == null) {
			return;
		}
		String payload = connection.assemble(message.getPayload(), message.isLast(),
				(int) this.settings.maxFrameSize().toBytes());
		if (payload == null) {
			return;
		}
		JsonNode frame;
		try {
			frame = this.json.readTree(payload);
		}
		catch (JacksonException ex) {
			reply(connection, error("bad-frame", null, "A frame is one JSON object", null));
			return;
		}
		String type = text(frame, "type");
		String ref = text(frame, "ref");
		try {
			switch ((type != null) ? type : "") {
				case "ping" -> ping(connection, ref);
				case "subscribe" -> subscribe(connection, room(frame), afterSeq(frame, "afterSeq"), ref);
				case "unsubscribe" -> unsubscribe(connection, room(frame));
				case "resume" -> resume(connection, frame);
				case "send" -> send(connection, frame, ref);
				case "typing" -> typing(connection, room(frame));
				case "presence" -> presence(connection, room(frame), ref);
				default -> reply(connection, error("bad-frame", ref,
						"Unknown frame type; expected ping, subscribe, unsubscribe, resume, send, typing or presence",
						null));
			}
		}
		catch (RateLimited ex) {
			long retryAfterMs = Math.max(1, ex.getHeaders().getFirst("Retry-After") != null
					? Long.parseLong(ex.getHeaders().getFirst("Retry-After")) * 1000 : 1000);
			reply(connection, error("rate-limited", ref, "Too many messages; wait before sending more",
					Map.of("retryAfterMs", retryAfterMs)));
		}
		catch (NotFound ex) {
			reply(connection, error("not-found", ref, ex.getBody().getDetail(), null));
		}
		catch (InvalidInput ex) {
			reply(connection, error("validation-failed", ref, ex.getBody().getDetail(),
					Map.of("errors", String.valueOf(ex.getBody().getProperties()))));
		}
		catch (BadFrame ex) {
			reply(connection, error("bad-frame", ref, ex.getMessage(), null));
		}
		catch (ErrorResponseException ex) {
			String slug = String.valueOf(ex.getBody().getType()).replaceFirst(".*:", "");
			reply(connection, error(slug, ref, ex.getBody().getDetail(), null));
		}
		catch (RuntimeException ex) {
			logger.warn("Chat frame '{}' failed", type, ex);
			reply(connection, error("internal-error", ref, "The frame could not be handled; try again", null));
		}
	}

	/**
	 * Frames arrive in parts of at most the container's small text buffer, so an idle
	 * socket holds no buffer sized for the largest frame; {@link ChatConnection#assemble}
	 * joins the parts and enforces the frame size.
	 */
	@Override
	public boolean supportsPartialMessages() {
		return true;
	}

	private void ping(ChatConnection connection, @Nullable String ref) {
		for (UUID roomId : connection.rooms()) {
			this.presence.seen(roomId, connection.member().id());
		}
		reply(connection, frame("pong", ref));
	}

	private void subscribe(ChatConnection connection, UUID roomId, @Nullable Long afterSeq, @Nullable String ref) {
		ChatRoom room = this.access.require(connection.member(), roomId);
		// A seq beyond the room's latest (a stale or foreign client state) would mute the
		// room for this socket until the room caught up; start from the latest instead.
		this.hub.join(connection, roomId, (afterSeq != null) ? Math.min(afterSeq, room.lastSeq()) : null);
		this.presence.seen(roomId, connection.member().id());
		Map<String, Object> subscribed = frame("subscribed", ref);
		subscribed.put("roomId", roomId);
		reply(connection, subscribed);
	}

	private void unsubscribe(ChatConnection connection, UUID roomId) {
		this.hub.leave(connection, roomId);
		leftPresence(connection, roomId);
	}

	/** Offline in the room only once none of the user's sockets here follows it. */
	private void leftPresence(ChatConnection connection, UUID roomId) {
		if (!this.hub.follows(connection.member().id(), roomId)) {
			this.presence.left(roomId, connection.member().id());
		}
	}

	/** {@code {"type":"resume","rooms":{"<roomId>":<lastSeenSeq>,...}}} */
	private void resume(ChatConnection connection, JsonNode frame) {
		JsonNode rooms = frame.get("rooms");
		if (rooms == null || !rooms.isObject() || rooms.size() > MAX_RESUMED_ROOMS) {
			throw new BadFrame(
					"resume needs rooms: an object of room id to last seen seq (at most " + MAX_RESUMED_ROOMS + ")");
		}
		for (Map.Entry<String, JsonNode> entry : rooms.properties()) {
			UUID roomId = uuid(entry.getKey());
			if (!entry.getValue().canConvertToLong() || entry.getValue().asLong() < 0) {
				throw new BadFrame("the last seen seq of each room must be a number, 0 or more");
			}
			try {
				subscribe(connection, roomId, entry.getValue().asLong(), null);
			}
			catch (NotFound ex) {
				Map<String, Object> error = new LinkedHashMap<>(Map.of("roomId", roomId));
				reply(connection, error("not-found", null, ex.getBody().getDetail(), error));
			}
		}
	}

	private void send(ChatConnection connection, JsonNode frame, @Nullable String ref) {
		UUID roomId = room(frame);
		String clientMessageId = text(frame, "clientMessageId");
		JsonNode body = frame.get("body");
		if (body != null && !body.isString()) {
			throw new InvalidInput("body", "must be a string");
		}
		Chat.Sent sent = this.chat.send(connection.member(), roomId, clientMessageId,
				(body != null) ? body.asString() : null);
		Map<String, Object> ack = frame("ack", ref);
		ack.put("clientMessageId", clientMessageId);
		ack.put("id", sent.message().id());
		ack.put("seq", sent.message().seq());
		ack.put("roomId", sent.message().roomId());
		ack.put("replayed", sent.replayed());
		reply(connection, ack);
	}

	private void typing(ChatConnection connection, UUID roomId) {
		// At most one typing event per socket and room every TYPING_INTERVAL: the rest
		// are dropped, so a client cannot flood the room's sockets with them.
		if (connection.rooms().contains(roomId) && connection.mayAnnounceTyping(roomId, TYPING_INTERVAL)) {
			this.fanout.typing(roomId, connection.member().id());
		}
	}

	private void presence(ChatConnection connection, UUID roomId, @Nullable String ref) {
		if (!connection.rooms().contains(roomId)) {
			throw new BadFrame("subscribe to the room before asking who is online");
		}
		Map<String, Object> reply = frame("presence", ref);
		reply.put("roomId", roomId);
		reply.put("online", this.presence.online(roomId));
		reply(connection, reply);
	}

	private void reply(ChatConnection connection, Object frame) {
		connection.offer(
				new ChatConnection.Frame((frame instanceof String text) ? text : this.json.writeValueAsString(frame)));
	}

	private static Map<String, Object> frame(String type, @Nullable String ref) {
		Map<String, Object> frame = new LinkedHashMap<>();
		frame.put("type", type);
		if (ref != null) {
			frame.put("ref", ref);
		}
		return frame;
	}

	private String error(String code, @Nullable String ref, @Nullable String detail,
			@Nullable Map<String, Object> more) {
		Map<String, Object> frame = frame("error", ref);
		frame.put("code", code);
		frame.put("detail", detail);
		if (more != null) {
			frame.putAll(more);
		}
		return this.json.writeValueAsString(frame);
	}

	private static @Nullable String text(JsonNode frame, String field) {
		JsonNode value = frame.get(field);
		return (value != null && value.isString()) ? value.asString() : null;
	}

	private static UUID room(JsonNode frame) {
		String roomId = text(frame, "roomId");
		if (roomId == null) {
			throw new BadFrame("roomId is required");
		}
		return uuid(roomId);
	}

	private static UUID uuid(String value) {
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException ex) {
			throw new BadFrame("'" + value.substring(0, Math.min(value.length(), 40)) + "' is not a room id");
		}
	}

	private static @Nullable Long afterSeq(JsonNode frame, String field) {
		JsonNode value = frame.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.canConvertToLong() || value.asLong() < 0) {
			throw new BadFrame(field + " must be a seq, 0 or more");
		}
		return value.asLong();
	}

	/** A frame that is well-formed JSON but not a valid request. */
	static final class BadFrame extends RuntimeException {

		BadFrame(String message) {
			super(message);
		}

	}

}
