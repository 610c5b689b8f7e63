package org.aula.chat;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A room as its member sees it in their list.
 *
 * @param id room id
 * @param kind {@code COURSE} or {@code DIRECT}
 * @param courseCode the course's code, for a course room
 * @param title the course's title, or the other member's name
 * @param otherUserId the other member, for a direct room
 * @param lastSeq the seq of the latest message
 * @param unread messages after the member's read marker
 */
record RoomView(UUID id, ChatRoom.Kind kind, @Nullable String courseCode, String title, @Nullable UUID otherUserId,
		long lastSeq, long unread) {
}
