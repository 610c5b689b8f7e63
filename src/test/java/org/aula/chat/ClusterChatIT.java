package org.aula.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;

import org.aula.chat.ChatFixture.User;
import org.aula.testsupport.RequiresPostgres;
import org.aula.testsupport.RequiresRedis;
import org.aula.testsupport.RunningAula;
import org.aula.testsupport.TcpProxy;
import org.aula.testsupport.ExternalServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances sharing PostgreSQL and Redis: a message sent on one reaches members on
 * the other, a client resumes on either, and a broadcast lost while Redis is away still
 * arrives.
 */
@RequiresPostgres
@RequiresRedis
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterChatIT {

	TcpProxy redis;

	RunningAula first;

	RunningAula second;

	ChatFixture onFirst;

	ChatFixture onSecond;

	@BeforeAll
	void start() {
		this.redis = TcpProxy.toRedis(ExternalServices.REDIS_URL).start();
		Map<String, String> settings = new java.util.HashMap<>(RunningAula.sharedServices());
		settings.put("aula.redis.url", this.redis.redisUrl());
		settings.put("aula.chat.messages-per-minute", "100000");
		settings.put("aula.chat.catch-up-interval", "1s");
		this.first = RunningAula.start(settings);
		this.second = RunningAula.start(settings);
		this.onFirst = new ChatFixture(this.first);
		this.onSecond = new ChatFixture(this.second);
	}

	@AfterAll
	void stop() {
		for (AutoCloseable closeable : new AutoCloseable[] { this.first, this.second, this.redis }) {
			if (closeable != null) {
				try {
					closeable.close();
				}
				catch (Exception ex) {
					// already stopping
				}
			}
		}
	}

	@Test
	void aMemberOnOneInstanceReceivesWhatIsSentOnTheOther() {
		User teacher = this.onFirst.user("TEACHER");
		UUID room = this.onFirst.course(teacher);
		User student = this.onFirst.student(room);
		try (ChatSocket reader = this.onFirst.socket(student).subscribe(room);
				ChatSocket writer = this.onSecond.socket(teacher)) {
			JsonNode ack = writer.sendMessage(room, "cross-1", "From the other instance");

			JsonNode received = reader.next("message").get("message");
			assertThat(received.get("id").asString()).isEqualTo(ack.get("id").asString());
			assertThat(received.get("body").asString()).isEqualTo("From the other instance");
		}
	}

	@Test
	void aClientCutOffOnOneInstanceResumesOnTheOtherWithEveryMessageOnce() {
		User teacher = this.onFirst.user("TEACHER");
		UUID room = this.onFirst.course(teacher);
		User student = this.onFirst.student(room);
		List<Long> received = new ArrayList<>();
		try (ChatSocket writer = this.onSecond.socket(teacher)) {
			ChatSocket reader = this.onFirst.socket(student).subscribe(room);
			Thread burst = Thread.ofVirtual().start(() -> {
				for (int i = 1; i <= 500; i++) {
					writer.send(("{\"type\":\"send\",\"roomId\":\"%s\",\"clientMessageId\":\"c-%s-%d\","
							+ "\"body\":\"message %d\"}")
						.formatted(room, room, i, i));
				}
			});
			received.addAll(reader.messageSeqsUntilClosed(room, 50));
			reader.abort();
			try (ChatSocket resumed = this.onSecond.socket(student)) {
				long lastSeen = received.isEmpty() ? 0 : received.getLast();
				resumed.send("{\"type\":\"resume\",\"rooms\":{\"%s\":%d}}".formatted(room, lastSeen));
				received.addAll(resumed.messageSeqs(room, 500 - received.size()));
			}
			join(burst);
		}
		assertThat(received).containsExactlyElementsOf(LongStream.rangeClosed(1, 500).boxed().toList());
	}

	@Test
	void aMessageWhoseBroadcastIsLostWhileRedisIsAwayStillArrives() {
		User teacher = this.onFirst.user("TEACHER");
		UUID room = this.onFirst.course(teacher);
		User student = this.onFirst.student(room);
		try (ChatSocket reader = this.onFirst.socket(student).subscribe(room);
				ChatSocket writer = this.onSecond.socket(teacher)) {
			writer.sendMessage(room, "before-" + room, "Redis is up");
			assertThat(reader.next("message").get("message").get("seq").asLong()).isOne();

			this.redis.stop();
			try {
				JsonNode ack = writer.sendMessage(room, "during-" + room, "Redis is down");
				assertThat(ChatSocket.type(ack)).isEqualTo("ack");

				JsonNode received = reader.next("message").get("message");
				assertThat(received.get("seq").asLong()).isEqualTo(2);
				assertThat(received.get("body").asString()).isEqualTo("Redis is down");
			}
			finally {
				this.redis.start();
			}
		}
	}

	private static void join(Thread thread) {
		try {
			thread.join(ChatSocket.WAIT.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
