package org.aula.chat;

import java.util.Map;
import java.util.UUID;

import org.aula.chat.ChatFixture.User;
import org.aula.testsupport.EmbeddedAulaTest;
import org.aula.testsupport.RunningAula;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Per-user limits, and what sockets are told when an instance shuts down. */
class ChatLimitsIT {

	private static Map<String, String> settings() {
		return Map.of("spring.datasource.url", EmbeddedAulaTest.H2_URL, "aula.demo.enabled", "false",
				"aula.chat.messages-per-minute", "3", "aula.chat.max-connections-per-user", "2",
				"aula.chat.reconnect-delay", "3s");
	}

	@Test
	void aUserSendingTooFastGetsARateLimitedErrorAndNothingIsStored() {
		try (RunningAula aula = RunningAula.start(settings())) {
			ChatFixture chat = new ChatFixture(aula);
			User teacher = chat.user("TEACHER");
			UUID room = chat.course(teacher);
			try (ChatSocket socket = chat.socket(teacher)) {
				for (int i = 1; i <= 3; i++) {
					assertThat(ChatSocket.type(socket.sendMessage(room, "r" + i, "m" + i))).isEqualTo("ack");
				}
				JsonNode refused = socket.sendMessage(room, "r4", "m4");

				assertThat(refused.get("code").asString()).isEqualTo("rate-limited");
				assertThat(refused.get("retryAfterMs").asLong()).isPositive();
			}
			assertThat(chat
				.post("/api/chat/rooms/" + room + "/messages", "{\"clientMessageId\":\"r5\",\"body\":\"m\"}", teacher)
				.status()).isEqualTo(429);
			assertThat(chat.storedMessages(room)).isEqualTo(3);
		}
	}

	@Test
	void aUserCannotHoldMoreSocketsThanTheLimit() {
		try (RunningAula aula = RunningAula.start(settings())) {
			ChatFixture chat = new ChatFixture(aula);
			User student = chat.user("STUDENT");
			try (ChatSocket one = chat.socket(student);
					ChatSocket two = chat.socket(student);
					ChatSocket three = chat.socket(student)) {
				assertThat(three.next("error").get("code").asString()).isEqualTo("too-many-connections");
				assertThat(three.closeCode()).isEqualTo(4001);
				one.send("{\"type\":\"ping\"}").next("pong");
				two.send("{\"type\":\"ping\"}").next("pong");
			}
		}
	}

	@Test
	void aSocketThatSendsNothingIsClosedWhileOneThatPingsStaysOpen() throws InterruptedException {
		Map<String, String> settings = new java.util.HashMap<>(settings());
		settings.put("aula.chat.idle-timeout", "1s");
		try (RunningAula aula = RunningAula.start(settings)) {
			ChatFixture chat = new ChatFixture(aula);
			try (ChatSocket silent = chat.socket(chat.user("STUDENT"));
					ChatSocket pinging = chat.socket(chat.user("STUDENT"))) {
				// the container looks for idle sockets every 10 s or so
				long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
				while (!silent.isClosed() && System.nanoTime() < deadline) {
					pinging.send("{\"type\":\"ping\"}").next("pong");
					Thread.sleep(300);
				}

				assertThat(silent.closeCode()).isEqualTo(1001);
				assertThat(pinging.isClosed()).isFalse();
			}
		}
	}

	@Test
	void onShutdownSocketsAreToldToGoAwayAndComeBackAfterAJitteredDelay() {
		RunningAula aula = RunningAula.start(settings());
		ChatFixture chat = new ChatFixture(aula);
		User student = chat.user("STUDENT");
		try (ChatSocket socket = chat.socket(student)) {
			socket.send("{\"type\":\"ping\"}").next("pong");

			aula.close();

			JsonNode goaway = socket.next("goaway");
			assertThat(goaway.get("reconnectAfterMs").asLong()).isBetween(3000L, 6000L);
			assertThat(socket.closeCode()).isEqualTo(1001);
		}
	}

}
