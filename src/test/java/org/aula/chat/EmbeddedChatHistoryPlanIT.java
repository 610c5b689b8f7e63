package org.aula.chat;

import java.util.UUID;

import org.aula.testsupport.EmbeddedAulaTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A room's latest messages, the most frequent chat read, come from an index on H2 too,
 * not from sorting every message of the room.
 */
@EmbeddedAulaTest
class EmbeddedChatHistoryPlanIT {

	@Autowired
	JdbcClient jdbc;

	@Test
	void readsTheLatestMessagesOfARoomFromTheDescendingIndex() {
		String plan = this.jdbc
			.sql("EXPLAIN SELECT id FROM chat_messages WHERE room_id = ? AND seq > ? AND seq < ?"
					+ " ORDER BY seq DESC FETCH FIRST 50 ROWS ONLY")
			.params(UUID.randomUUID(), 0L, Long.MAX_VALUE)
			.query(String.class)
			.single()
			.toLowerCase();
		assertThat(plan).contains("chat_messages_room_seq_desc_idx").contains("/* index sorted */");
	}

}
