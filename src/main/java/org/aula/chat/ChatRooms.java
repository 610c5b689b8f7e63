package org.aula.chat;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.aula.platform.jdbc.Timestamps;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code chat_rooms} and {@code chat_reads} tables. */
@Repository
class ChatRooms {

	private static final String COLUMNS = "id, kind, user_low, user_high, last_seq";

	private final JdbcClient jdbc;

	ChatRooms(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<ChatRoom> find(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM chat_rooms WHERE id = ?")
			.param(id)
			.query(ChatRooms::map)
			.optional();
	}

	/**
	 * The course rooms of the given courses, creating those that do not exist yet (a
	 * course's room appears with its first use).
	 */
	List<ChatRoom> courseRooms(Collection<UUID> courseIds, Instant now) {
		if (courseIds.isEmpty()) {
			return List.of();
		}
		List<ChatRoom> found = findAll(courseIds);
		Set<UUID> missing = new HashSet<>(courseIds);
		found.forEach((room) -> missing.remove(room.id()));
		if (missing.isEmpty()) {
			return found;
		}
		for (UUID courseId : missing) {
			createCourseRoom(courseId, now);
		}
		return findAll(courseIds);
	}

	void createCourseRoom(UUID courseId, Instant now) {
		try {
			this.jdbc
				.sql("INSERT INTO chat_rooms (id, kind, user_low, user_high, last_seq, created_at)"
						+ " VALUES (?, 'COURSE', NULL, NULL, 0, ?)")
				.params(courseId, Timestamps.of(now))
				.update();
		}
		catch (DuplicateKeyException ex) {
			// created meanwhile by another request: the same room
		}
	}

	/** The direct room of the two users, created on first use; the same room for ever. */
	ChatRoom directRoom(UUID one, UUID other, Instant now) {
		// The database orders UUIDs by their bytes, unsigned, as their text sorts;
		// UUID.compareTo compares signed halves and would disagree for some pairs.
		UUID low = (one.toString().compareTo(other.toString()) < 0) ? one : other;
		UUID high = low.equals(one) ? other : one;
		Optional<ChatRoom> existing = findDirect(low, high);
		if (existing.isPresent()) {
			return existing.get();
		}
		try {
			this.jdbc
				.sql("INSERT INTO chat_rooms (id, kind, user_low, user_high, last_seq, created_at)"
						+ " VALUES (?, 'DIRECT', ?, ?, 0, ?)")
				.params(UUID.randomUUID(), low, high, Timestamps.of(now))
				.update();
		}
		catch (DuplicateKeyException ex) {
			// created meanwhile by the other user: the same room
		}
		return findDirect(low, high).orElseThrow();
	}

	private Optional<ChatRoom> findDirect(UUID low, UUID high) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM chat_rooms WHERE user_low = ? AND user_high = ?")
			.params(low, high)
			.query(ChatRooms::map)
			.optional();
	}

	List<ChatRoom> directRoomsOf(UUID userId) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM chat_rooms WHERE user_low = :user UNION ALL SELECT " + COLUMNS
					+ " FROM chat_rooms WHERE user_high = :user")
			.param("user", userId)
			.query(ChatRooms::map)
			.list();
	}

	List<ChatRoom> findAll(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM chat_rooms WHERE id IN (:ids)")
			.param("ids", List.copyOf(ids))
			.query(ChatRooms::map)
			.list();
	}

	/** The latest seq of each of the rooms, for catching up sockets. */
	Map<UUID, Long> lastSeqs(Collection<UUID> ids) {
		return findAll(ids).stream().collect(Collectors.toMap(ChatRoom::id, ChatRoom::lastSeq));
	}

	/**
	 * Takes the room's next seq, locking the room's row until the transaction ends: the
	 * next send to the room waits, so seqs are committed in order.
	 */
	long nextSeq(UUID roomId) {
		this.jdbc.sql("UPDATE chat_rooms SET last_seq = last_seq + 1 WHERE id = ?").param(roomId).update();
		return this.jdbc.sql("SELECT last_seq FROM chat_rooms WHERE id = ?").param(roomId).query(Long.class).single();
	}

	/** Moves the user's read marker forward, never back. */
	void markRead(UUID userId, UUID roomId, long seq) {
		int updated = this.jdbc
			.sql("UPDATE chat_reads SET last_read_seq = ? WHERE user_id = ? AND room_id = ? AND last_read_seq < ?")
			.params(seq, userId, roomId, seq)
			.update();
		if (updated == 0) {
			try {
				this.jdbc.sql("INSERT INTO chat_reads (user_id, room_id, last_read_seq) VALUES (?, ?, ?)")
					.params(userId, roomId, seq)
					.update();
			}
			catch (DuplicateKeyException ex) {
				// the marker exists and is already at or past seq, or moved meanwhile
				this.jdbc
					.sql("UPDATE chat_reads SET last_read_seq = ? WHERE user_id = ? AND room_id = ?"
							+ " AND last_read_seq < ?")
					.params(seq, userId, roomId, seq)
					.update();
			}
		}
	}

	/** The user's read marker in each of the rooms that has one. */
	Map<UUID, Long> readMarkers(UUID userId, Collection<UUID> roomIds) {
		if (roomIds.isEmpty()) {
			return Map.of();
		}
		return this.jdbc
			.sql("SELECT room_id, last_read_seq FROM chat_reads WHERE user_id = :user AND room_id IN (:rooms)")
			.param("user", userId)
			.param("rooms", List.copyOf(roomIds))
			.query((rs, row) -> Map.entry(rs.getObject("room_id", UUID.class), rs.getLong("last_read_seq")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	private static ChatRoom map(ResultSet rs, int row) throws SQLException {
		return new ChatRoom(rs.getObject("id", UUID.class), ChatRoom.Kind.valueOf(rs.getString("kind")),
				rs.getObject("user_low", UUID.class), rs.getObject("user_high", UUID.class), rs.getLong("last_seq"));
	}

}
