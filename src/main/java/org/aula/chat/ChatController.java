package org.aula.chat;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotNull;
import org.aula.identity.Caller;
import org.aula.platform.web.InvalidInput;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Chat")
class ChatController {

	private final Chat chat;

	private final RoomAccess access;

	private final ChatTickets tickets;

	private final ChatPresence presence;

	ChatController(Chat chat, RoomAccess access, ChatTickets tickets, ChatPresence presence) {
		this.chat = chat;
		this.access = access;
		this.tickets = tickets;
		this.presence = presence;
	}

	@PostMapping("/api/chat/ticket")
	@Operation(summary = "A single-use ticket for opening /ws/chat?ticket=..., valid 30 s")
	ChatTickets.Ticket ticket(@AuthenticationPrincipal Jwt jwt) {
		return this.tickets.issue(Caller.of(jwt).id());
	}

	@GetMapping("/api/chat/rooms")
	@Operation(summary = "My rooms: my courses' rooms and my direct rooms, with unread counts")
	List<RoomView> rooms(@AuthenticationPrincipal Jwt jwt) {
		return this.chat.rooms(Caller.of(jwt));
	}

	record DirectRequest(@NotNull UUID userId) {
	}

	record RoomRef(UUID id, ChatRoom.Kind kind, UUID otherUserId) {
	}

	@PostMapping("/api/chat/direct")
	@Operation(summary = "The direct room with another user, created once (student and teacher of one of their"
			+ " courses, or admin and anyone)")
	RoomRef direct(@AuthenticationPrincipal Jwt jwt, @RequestBody DirectRequest body) {
		Caller member = Caller.of(jwt);
		ChatRoom room = this.chat.directRoom(member, body.userId());
		return new RoomRef(room.id(), room.kind(), room.otherThan(member.id()));
	}

	@GetMapping("/api/chat/rooms/{id}/messages")
	@Operation(summary = "History, oldest first: after a seq, or the latest before a seq (or the latest)")
	Chat.HistoryPage messages(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id,
			@RequestParam(required = false) @Nullable Long after, @RequestParam(required = false) @Nullable Long before,
			@RequestParam(defaultValue = "50") int limit) {
		return this.chat.history(Caller.of(jwt), id, after, before, limit);
	}

	/** Fields taken as JSON values so that a number is refused, not turned into text. */
	record SendRequest(@Nullable JsonNode clientMessageId, @Nullable JsonNode body) {

		@Nullable String text(@Nullable JsonNode value, String field) {
			if (value == null || value.isNull()) {
				return null;
			}
			if (!value.isString()) {
				throw new InvalidInput(field, "must be a string");
			}
			return value.asString();
		}

	}

	@PostMapping("/api/chat/rooms/{id}/messages")
	@Operation(summary = "Send a message (201), or get the one stored before under the same clientMessageId (200)")
	ResponseEntity<ChatMessage> send(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id,
			@RequestBody SendRequest body) {
		Chat.Sent sent = this.chat.send(Caller.of(jwt), id, body.text(body.clientMessageId(), "clientMessageId"),
				body.text(body.body(), "body"));
		if (sent.replayed()) {
			return ResponseEntity.ok().header("Idempotent-Replayed", "true").body(sent.message());
		}
		return ResponseEntity
			.created(URI.create("/api/chat/rooms/" + id + "/messages?after=" + (sent.message().seq() - 1) + "&limit=1"))
			.header("Idempotent-Replayed", "false")
			.body(sent.message());
	}

	@DeleteMapping("/api/chat/messages/{id}")
	@Operation(summary = "Delete a message, leaving a tombstone (author within 5 minutes, course teacher, admin)")
	ResponseEntity<Void> delete(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
		this.chat.delete(Caller.of(jwt), id);
		return ResponseEntity.noContent().build();
	}

	record ReadRequest(@NotNull Long seq) {
	}

	@PostMapping("/api/chat/rooms/{id}/read")
	@Operation(summary = "Move my read marker to seq")
	ResponseEntity<Void> read(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id, @RequestBody ReadRequest body) {
		if (body.seq() == null) {
			throw new InvalidInput("seq", "is required");
		}
		this.chat.markRead(Caller.of(jwt), id, body.seq());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/chat/rooms/{id}/members")
	@Operation(summary = "Names of the listed users who are members of the room (at most 100 ids); others are left out")
	List<Chat.Member> members(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id,
			@RequestParam(required = false) @Nullable List<UUID> ids) {
		return this.chat.members(Caller.of(jwt), id, (ids != null) ? ids : List.of());
	}

	record Presence(UUID roomId, List<UUID> online) {
	}

	@GetMapping("/api/chat/rooms/{id}/presence")
	@Operation(summary = "Who is online in the room (best effort)")
	Presence presence(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
		ChatRoom room = this.access.require(Caller.of(jwt), id);
		return new Presence(room.id(), this.presence.online(room.id()));
	}

}
