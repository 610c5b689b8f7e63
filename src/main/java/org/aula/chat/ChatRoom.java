package org.aula.chat;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A room. A course room's id is the course's id.
 *
 * @param id room id
 * @param kind course or direct
 * @param userLow the direct room's member with the smaller id
 * @param userHigh the direct room's other member
 * @param lastSeq the seq of the latest message, 0 before the first
 */
record ChatRoom(UUID id, Kind kind, @Nullable UUID userLow, @Nullable UUID userHigh, long lastSeq) {

	enum Kind {

		COURSE, DIRECT

	}

	boolean isCourse() {
		return this.kind == Kind.COURSE;
	}

	/** For a direct room: the member who is not {@code userId}. */
	UUID otherThan(UUID userId) {
		return userId.equals(this.userLow) ? this.userHigh : this.userLow;
	}

}
