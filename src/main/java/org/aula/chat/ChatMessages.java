package org.aula.chat;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.aula.platform.jdbc.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code chat_messages} table. */
@Repository
class ChatMessages {

	private static final String COLUMNS = "id, seq, room_id, sender_id, client_message_id, body, created_at, deleted_at";

	private final JdbcClient jdbc;

	ChatMessages(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(ChatMessage message) {
		this.jdbc
			.sql("INSERT INTO chat_messages (id, room_id, seq, sender_id, client_message_id, body, created_at)"
					+ " VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(message.id(), message.roomId(), message.seq(), message.senderId(), message.clientMessageId(),
					message.body(), Timestamps.of(message.createdAt()))
			.update();
	}

	Optional<ChatMessage> find(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM chat_messages WHERE id = ?")
			.param(id)
			.query(ChatMessages::map)
			.optional();
	}

	Optional<ChatMessage> findBySender(UUID senderId, String clientMessageId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM chat_messages WHERE sender_id = ? AND client_message_id = ?")
			.params(senderId, clientMessageId)
			.query(ChatMessages::map)
			.optional();
	}

	/** Up to {@code limit} messages with {@code after < seq < before}, oldest first. */
	List<ChatMessage> after(UUID roomId, long after, long before, int limit) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM chat_messages WHERE room_id = ? AND seq > ? AND seq < ?"
					+ " ORDER BY seq FETCH FIRST " + limit + " ROWS ONLY")
			.params(roomId, after, before)
			.query(ChatMessages::map)
			.list();
	}

	/**
	 * The latest {@code limit} messages with {@code after < seq < before}, oldest first.
	 * <p>
	 * Seqs are gapless, so the latest {@code limit} of them are exactly the ones at or
	 * above {@code before - limit}: an ascending range read on the (room, seq) index. H2
	 * does not scan that index backwards, and {@code ORDER BY seq DESC} made it sort
	 * every message of a busy room (the top CPU consumer under load). The descending
	 * query stays as the fallback for a range with gaps, which only a hand-edited table
	 * could have.
	 */
	List<ChatMessage> latest(UUID roomId, long after, long before, int limit) {
		long from = Math.max(after + 1, before - limit);
		List<ChatMessage> window = this.jdbc
			.sql("SELECT " + COLUMNS + " FROM chat_messages WHERE room_id = ? AND seq >= ? AND seq < ? ORDER BY seq")
			.params(roomId, from, before)
			.query(ChatMessages::map)
			.list();
		if (from == after + 1 || window.size() == before - from) {
			return window;
		}
		List<ChatMessage> newestFirst = new ArrayList<>(this.jdbc
			.sql("SELECT " + COLUMNS + " FROM chat_messages WHERE room_id = ? AND seq > ? AND seq < ?"
					+ " ORDER BY seq DESC FETCH FIRST " + limit + " ROWS ONLY")
			.params(roomId, after, before)
			.query(ChatMessages::map)
			.list());
		Collections.reverse(newestFirst);
		return newestFirst;
	}

	/** Replaces the body with a tombstone; false if it already was one. */
	boolean delete(UUID id, UUID deletedBy, Instant at) {
		return this.jdbc.sql(
				"UPDATE chat_messages SET body = NULL, deleted_at = ?, deleted_by = ? WHERE id = ? AND deleted_at IS NULL")
			.params(Timestamps.of(at), deletedBy, id)
			.update() == 1;
	}

	private static ChatMessage map(ResultSet rs, int row) throws SQLException {
		return new ChatMessage(rs.getObject("id", UUID.class), rs.getLong("seq"), rs.getObject("room_id", UUID.class),
				rs.getObject("sender_id", UUID.class), rs.getString("body"), Timestamps.read(rs, "created_at"),
				rs.getObject("deleted_at") != null, rs.getString("client_message_id"));
	}

}
