package org.aula.chat;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.jspecify.annotations.Nullable;

/**
 * A stored message, as the API returns it. The body is plain text exactly as sent; it is
 * data, never markup.
 *
 * @param id message id
 * @param seq its place in the room: 1, 2, 3... without gaps
 * @param roomId the room
 * @param senderId the author
 * @param body the text, {@code null} once deleted
 * @param createdAt when it was stored
 * @param deleted whether it was deleted (a tombstone keeps its seq)
 * @param clientMessageId the sender's id for it
 */
record ChatMessage(UUID id, long seq, UUID roomId, UUID senderId, @Nullable String body, Instant createdAt,
		boolean deleted, @JsonIgnore String clientMessageId) {

	ChatMessage tombstone() {
		return new ChatMessage(this.id, this.seq, this.roomId, this.senderId, null, this.createdAt, true,
				this.clientMessageId);
	}

}
