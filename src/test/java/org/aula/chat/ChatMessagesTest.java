package org.aula.chat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

class ChatMessagesTest {

	private final UUID room = UUID.randomUUID();

	private JdbcClient jdbc;

	private ChatMessages messages;

	@BeforeEach
	void migrate() {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:chat-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration/common", "classpath:db/migration/h2")
			.load()
			.migrate();
		this.jdbc = JdbcClient.create(dataSource);
		this.messages = new ChatMessages(this.jdbc);
		this.jdbc.sql("INSERT INTO chat_rooms (id, kind, last_seq, created_at) VALUES (?, 'COURSE', 0, ?)")
			.params(this.room, Timestamp.from(Instant.now()))
			.update();
	}

	@Test
	void latestReturnsTheNewestMessagesBelowTheBoundOldestFirst() {
		store(1, 10);

		assertThat(seqs(this.messages.latest(this.room, 0, 11, 3))).containsExactly(8L, 9L, 10L);
		assertThat(seqs(this.messages.latest(this.room, 0, 5, 3))).containsExactly(2L, 3L, 4L);
		assertThat(seqs(this.messages.latest(this.room, 6, 11, 10))).containsExactly(7L, 8L, 9L, 10L);
		assertThat(seqs(this.messages.latest(this.room, 0, 3, 10))).containsExactly(1L, 2L);
		assertThat(this.messages.latest(this.room, 0, 1, 3)).isEmpty();
	}

	@Test
	void latestStillReturnsAFullPageWhenTheRangeHasGaps() {
		store(1, 4);
		store(9, 10);

		assertThat(seqs(this.messages.latest(this.room, 0, 11, 3))).containsExactly(4L, 9L, 10L);
		assertThat(seqs(this.messages.latest(this.room, 2, 11, 10))).containsExactly(3L, 4L, 9L, 10L);
	}

	private void store(int from, int to) {
		for (int seq = from; seq <= to; seq++) {
			this.messages.insert(new ChatMessage(UUID.randomUUID(), seq, this.room, UUID.randomUUID(), "m" + seq,
					Instant.now(), false, "c" + seq));
		}
	}

	private static List<Long> seqs(List<ChatMessage> page) {
		return page.stream().map(ChatMessage::seq).toList();
	}

}
