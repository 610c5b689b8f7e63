package org.aula.chat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;

import io.micrometer.core.instrument.MeterRegistry;
import org.aula.chat.ChatFixture.User;
import org.aula.testsupport.HttpApi.Response;
import org.aula.testsupport.RunningAula;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What chat does, in the embedded mode and the shared one. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ChatContract {

	static final String XSS = "<script>alert(\"x\")</script><img src=x onerror=alert(1)> & \\u0000 \u2028 \uD83D\uDE00 '\"";

	RunningAula aula;

	ChatFixture chat;

	abstract Map<String, String> modeSettings();

	@BeforeAll
	void start() {
		Map<String, String> settings = new HashMap<>(modeSettings());
		settings.put("aula.chat.messages-per-minute", "100000");
		settings.put("aula.chat.send-queue-limit", "200");
		settings.put("aula.chat.send-time-limit", "2s");
		settings.put("aula.chat.access-check-interval", "500ms");
		this.aula = RunningAula.start(settings);
		this.chat = new ChatFixture(this.aula);
	}

	@AfterAll
	void stop() {
		if (this.aula != null) {
			this.aula.close();
		}
	}

	@Test
	void aMemberReceivesWhatAnotherMemberSends() {
		User teacher = this.chat.user("TEACHER");
		UUID room = this.chat.course(teacher);
		User student = this.chat.student(room);
		try (ChatSocket reader = this.chat.socket(teacher).subscribe(room);
				ChatSocket writer = this.chat.socket(student)) {
			JsonNode ack = writer.sendMessage(room, "hello-1", "Hello, class");

			assertThat(ChatSocket.type(ack)).isEqualTo("ack");
			assertThat(ack.get("seq").asLong()).isEqualTo(1);
			JsonNode received = reader.next("message").get("message");
			assertThat(received.get("id").asString()).isEqualTo(ack.get("id").asString());
			assertThat(received.get("seq").asLong()).isEqualTo(1);
			assertThat(received.get("senderId").asString()).isEqualTo(student.id().toString());
			assertThat(received.get("body").asString()).isEqualTo("Hello, class");
		}
	}

	@Test
	void nonMembersCannotSubscribeReadOrSend() {
		User teacher = this.chat.user("TEACHER");
		UUID room = this.chat.course(teacher);
		User outsider = this.chat.user("STUDENT");

		try (ChatSocket socket = this.chat.socket(outsider)) {
			socket.send("{\"type\":\"subscribe\",\"roomId\":\"%s\"}".formatted(room));
			JsonNode error = socket.next("error");
			assertThat(error.get("code").asString()).isEqualTo("not-found");
			assertThat(socket.sendMessage(room, "x-1", "let me in").get("code").asString()).isEqualTo("not-found");
		}
		assertThat(this.chat.get("/api/chat/rooms/" + room + "/messages", outsider).status()).isEqualTo(404);
		assertThat(this.chat
			.post("/api/chat/rooms/" + room + "/messages", "{\"clientMessageId\":\"a\",\"body\":\"b\"}", outsider)
			.status()).isEqualTo(404);
		assertThat(this.chat.storedMessages(room)).isZero();
	}

	@Test
	void leavingACourseEndsAccessToItsRoom() {
		User teacher = this.chat.user("TEACHER");
		UUID room = this.chat.course(teacher);
		User leaver = this.chat.student(room);
		User stayer = this.chat.student(room);
		assertThat(this.chat.get("/api/chat/rooms/" + room + "/messages", leaver).status()).isEqualTo(200);
		try (ChatSocket leaverSocket = this.chat.socket(leaver).subscribe(room);
				ChatSocket stayerSocket = this.chat.socket(stayer).subscribe(room);
				ChatSocket teacherSocket = this.chat.socket(teacher)) {

			this.chat.cancelEnrolment(leaver, room);

			JsonNode ended = leaverSocket.next("error");
			assertThat(ended.get("code").asString()).isEqualTo("access-ended");
			assertThat(ended.get("roomId").asString()).isEqualTo(room.toString());
			teacherSocket.sendMessage(room, "after-leaving", "Not for former students");
			assertThat(stayerSocket.next("message").get("message").get("body").asString())
				.isEqualTo("Not for former students");
			leaverSocket.send("{\"type\":\"ping\"}");
			// frames arrive in order: a message sent to the room before the ping would
			// come first
			assertThat(ChatSocket.type(leaverSocket
				.next((frame) -> "pong".equals(ChatSocket.type(frame)) || "message".equals(ChatSocket.type(frame)))))
				.isEqualTo("pong");
		}
		assertThat(this.chat.get("/api/chat/rooms/" + room + "/messages", leaver).status()).isEqualTo(404);
		assertThat(this.chat.get("/api/chat/rooms", leaver).json()).isEmpty();
	}

	@Test
	void aRetriedSendIsStoredOnceAndAcknowledgedWithTheOriginal() {
		User teacher = this.chat.user("TEACHER");
		UUID room = this.chat.course(teacher);
		try (ChatSocket socket = this.chat.socket(teacher)) {
			JsonNode first = socket.sendMessage(room, "retry-me", "Once only");
			JsonNode again = socket.sendMessage(room, "retry-me", "Once only");
			Response overRest = this.chat.post("/api/chat/rooms/" + room + "/messages",
					"{\"clientMessageId\":\"retry-me\",\"body\":\"Once only\"}", teacher);

			assertThat(again.get("id").asString()).isEqualTo(first.get("id").asString());
			assertThat(again.get("seq").asLong()).isEqualTo(first.get("seq").asLong());
			assertThat(again.get("replayed").asBoolean()).isTrue();
			assertThat(overRest.status()).isEqualTo(200);
			assertThat(overRest.header("Idempotent-Replayed")).isEqualTo("true");
			assertThat(overRest.json().get("id").asString()).isEqualTo(first.get("id").asString());
		}
		assertThat(this.chat.storedMessages(room)).isOne();
	}

	@Test
	void aClientCutOffDuringABurstResumesWithEveryMessageExactlyOnceInOrder() {
		User teacher = this.chat.user("TEACHER");
		UUID room = this.chat.course(teacher);
		User student = this.chat.student(room);
		List<Long> received = new ArrayList<>();
		try (ChatSocket writer = this.chat.socket(teacher)) {
			ChatSocket reader = this.chat.socket(student).subscribe(room);
			Thread burst = Thread.ofVirtual().start(() -> {
				for (int i = 1; i <= 1000; i++) {
					writer.send(("{\"type\":\"send\",\"roomId\":\"%s\",\"clientMessageId\":\"burst-%d\","
							+ "\"body\":\"message %d\"}")
						.formatted(room, i, i));
				}
			});
			// the server may cut the reader off first if it falls behind: it resumes all
			// the same
			received.addAll(reader.messageSeqsUntilClosed(room, 100));
			reader.abort();

			try (ChatSocket resumed = this.chat.socket(student)) {
				long lastSeen = received.isEmpty() ? 0 : received.getLast();
				resumed.send("{\"type\":\"resume\",\"rooms\":{\"%s\":%d}}".formatted(room, lastSeen));
				received.addAll(resumed.messageSeqs(room, 1000 - received.size()));
				join(burst);
			}
		}
		assertThat(received).containsExactlyElementsOf(LongStream.rangeClosed(1, 1000).boxed().toList());
	}

	@Test
	void aSlowConsumerIsCutOffWhileOtherMembersKeepReceiving() {
		User teacher = this.chat.user("TEACHER");
		UUID room = this.chat.course(teacher);
		User slow = this.chat.student(room);
		User fast = this.chat.student(room);
		MeterRegistry meters = this.aula.bean(MeterRegistry.class);
		double cutOffBefore = meters.get("aula.chat.slow.consumers").counter().count();
		String body = "x".repeat(4000);
		try (ChatSocket slowSocket = this.chat.socket(slow).subscribe(room);
				ChatSocket fastSocket = this.chat.socket(fast).subscribe(room);
				ChatSocket writer = this.chat.socket(teacher)) {
			slowSocket.pause();
			// enough to fill the kernel's socket buffers (several MB on loopback) and the
			// queue
			for (int i = 1; i <= 3000; i++) {
				writer.send("{\"type\":\"send\",\"roomId\":\"%s\",\"clientMessageId\":\"slow-%s-%d\",\"body\":\"%s\"}"
					.formatted(room, room, i, body));
				// The writer reads its acks every 100 sends, as a real client would: on a
				// busy
				// machine 3,000 unread acks would make the writer itself a slow consumer.
				if (i % 100 == 0) {
					for (int ack = 0; ack < 100; ack++) {
						writer.next("ack");
					}
				}
			}

			assertThat(fastSocket.messageSeqs(room, 800))
				.containsExactlyElementsOf(LongStream.rangeClosed(1, 800).boxed().toList());
			await().atMost(ChatSocket.WAIT)
				.untilAsserted(() -> assertThat(meters.get("aula.chat.slow.consumers").counter().count())
					.isGreaterThan(cutOffBefore));
		}
	}

	@Test
	void markupIsStoredAndReturnedByteForByteAsJsonText() {
		User teacher = this.chat.user("TEACHER");
		UUID room = this.chat.course(teacher);
		Response sent = this.chat.post("/api/chat/rooms/" + room + "/messages",
				this.chat.aula.bean(tools.jackson.databind.json.JsonMapper.class)
					.writeValueAsString(Map.of("clientMessageId", "xss-1", "body", XSS)),
				teacher);
		assertThat(sent.status()).as(sent.body()).isEqualTo(201);

		Response history = this.chat.get("/api/chat/rooms/" + room + "/messages", teacher);

		assertThat(history.contentType()).startsWith("application/json");
		assertThat(history.json().get("items").get(0).get("body").asString()).isEqualTo(XSS);
		assertThat(history.body()).doesNotContain("<script>alert(\"x\")");
	}

	@Test
	void historyPagesBySeqInBothDirections() {
		User teacher = this.chat.user("TEACHER");
		UUID room = this.chat.course(teacher);
		try (ChatSocket socket = this.chat.socket(teacher)) {
			for (int i = 1; i <= 7; i++) {
				socket.sendMessage(room, "page-" + room + "-" + i, "m" + i);
			}
		}
		JsonNode latest = this.chat.get("/api/chat/rooms/" + room + "/messages?limit=3", teacher).json();
		JsonNode before = this.chat.get("/api/chat/rooms/" + room + "/messages?before=5&limit=3", teacher).json();
		JsonNode after = this.chat.get("/api/chat/rooms/" + room + "/messages?after=5&limit=3", teacher).json();

		assertThat(latest.get("items").findValues("seq")).extracting(JsonNode::asLong).containsExactly(5L, 6L, 7L);
		assertThat(latest.get("hasMore").asBoolean()).isTrue();
		assertThat(before.get("items").findValues("seq")).extracting(JsonNode::asLong).containsExactly(2L, 3L, 4L);
		assertThat(after.get("items").findValues("seq")).extracting(JsonNode::asLong).containsExactly(6L, 7L);
		assertThat(after.get("hasMore").asBoolean()).isFalse();
		assertThat(this.chat.get("/api/chat/rooms/" + room + "/messages?limit=0", teacher).status()).isEqualTo(400);
		assertThat(this.chat.get("/api/chat/rooms/" + room + "/messages?after=-1", teacher).status()).isEqualTo(400);
		assertThat(this.chat.get("/api/chat/rooms/" + room + "/messages?after=x", teacher).status()).isEqualTo(400);
	}

	@Test
	void refusesBadMessagesAndStoresNothing() {
		User teacher = this.chat.user("TEACHER");
		UUID room = this.chat.course(teacher);
		String path = "/api/chat/rooms/" + room + "/messages";

		assertThat(
				this.chat.post(path, "{\"clientMessageId\":\"a\",\"body\":\"%s\"}".formatted("y".repeat(4001)), teacher)
					.status())
			.isEqualTo(400);
		assertThat(this.chat.post(path, "{\"clientMessageId\":\"a\",\"body\":\"   \"}", teacher).status())
			.isEqualTo(400);
		assertThat(this.chat.post(path, "{\"clientMessageId\":\"has space\",\"body\":\"b\"}", teacher).status())
			.isEqualTo(400);
		assertThat(this.chat.post(path, "{\"body\":\"b\"}", teacher).status()).isEqualTo(400);
		assertThat(this.chat.post(path, "{\"clientMessageId\":\"a\",\"body\":7}", teacher).status()).isEqualTo(400);
		assertThat(this.chat.post(path, "not json", teacher).status()).isEqualTo(400);
		assertThat(this.chat.post("/api/chat/rooms/not-a-uuid/messages", "{}", teacher).status()).isEqualTo(400);
		try (ChatSocket socket = this.chat.socket(teacher)) {
			socket.send("not json");
			assertThat(socket.next("error").get("code").asString()).isEqualTo("bad-frame");
			socket.send("{\"type\":\"warp\"}");
			assertThat(socket.next("error").get("code").asString()).isEqualTo("bad-frame");
			socket.send("{\"type\":\"subscribe\",\"roomId\":\"nope\"}");
			assertThat(socket.next("error").get("code").asString()).isEqualTo("bad-frame");
			assertThat(socket.sendMessage(room, "long", "z".repeat(4001)).get("code").asString())
				.isEqualTo("validation-failed");
			socket.send("{\"type\":\"ping\",\"ref\":\"still-open\"}");
			assertThat(socket.next("pong").get("ref").asString()).isEqualTo("still-open");
			socket.send("{\"type\":\"subscribe\",\"roomId\":\"%s\",\"ref\":\"join\"}".formatted(room));
			assertThat(socket.next("subscribed").get("ref").asString()).isEqualTo("join");
		}
		try (ChatSocket socket = this.chat.socket(teacher)) {
			socket.send("{\"type\":\"ping\",\"ref\":\"%s\"}".formatted("p".repeat(20_000)));
			assertThat(socket.closeCode()).isEqualTo(1009);
		}
		assertThat(this.chat.storedMessages(room)).isZero();
	}

	@Test
	void aMessageCanBeDeletedByItsAuthorOrTheTeacherButNotByAnotherStudent() {
		User teacher = this.chat.user("TEACHER");
		UUID room = this.chat.course(teacher);
		User author = this.chat.student(room);
		User other = this.chat.student(room);
		String first = this.chat
			.post("/api/chat/rooms/" + room + "/messages", "{\"clientMessageId\":\"d1\",\"body\":\"oops\"}", author)
			.json()
			.get("id")
			.asString();
		String second = this.chat
			.post("/api/chat/rooms/" + room + "/messages", "{\"clientMessageId\":\"d2\",\"body\":\"rude\"}", author)
			.json()
			.get("id")
			.asString();

		assertThat(this.chat.delete("/api/chat/messages/" + first, other).status()).isEqualTo(403);
		try (ChatSocket watcher = this.chat.socket(other).subscribe(room)) {
			assertThat(this.chat.delete("/api/chat/messages/" + first, author).status()).isEqualTo(204);
			assertThat(watcher.next("deleted").get("id").asString()).isEqualTo(first);
		}
		assertThat(this.chat.delete("/api/chat/messages/" + second, teacher).status()).isEqualTo(204);
		assertThat(this.chat.delete("/api/chat/messages/" + second, teacher).status()).isEqualTo(204);
		assertThat(this.chat.delete("/api/chat/messages/" + UUID.randomUUID(), teacher).status()).isEqualTo(404);

		JsonNode items = this.chat.get("/api/chat/rooms/" + room + "/messages", other).json().get("items");
		assertThat(items.get(0).get("deleted").asBoolean()).isTrue();
		assertThat(items.get(0).get("body").isNull()).isTrue();
		assertThat(items.get(0).get("seq").asLong()).isEqualTo(1);
		assertThat(items.get(1).get("deleted").asBoolean()).isTrue();
		assertThat(this.chat.jdbc
			.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'chat.message.deleted'" + " AND entity_id IN (?, ?)")
			.params(first, second)
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void directRoomsAreOpenBetweenAStudentAndTheirTeacherOnly() {
		User teacher = this.chat.user("TEACHER");
		UUID course = this.chat.course(teacher);
		User student = this.chat.student(course);
		User stranger = this.chat.user("STUDENT");
		User admin = this.chat.user("ADMIN");

		Response opened = this.chat.post("/api/chat/direct", "{\"userId\":\"%s\"}".formatted(teacher.id()), student);
		Response again = this.chat.post("/api/chat/direct", "{\"userId\":\"%s\"}".formatted(student.id()), teacher);

		assertThat(opened.status()).as(opened.body()).isEqualTo(200);
		assertThat(again.json().get("id").asString()).isEqualTo(opened.json().get("id").asString());
		assertThat(this.chat.post("/api/chat/direct", "{\"userId\":\"%s\"}".formatted(student.id()), stranger).status())
			.isEqualTo(403);
		assertThat(this.chat.post("/api/chat/direct", "{\"userId\":\"%s\"}".formatted(stranger.id()), admin).status())
			.isEqualTo(200);
		assertThat(
				this.chat.post("/api/chat/direct", "{\"userId\":\"%s\"}".formatted(UUID.randomUUID()), admin).status())
			.isEqualTo(404);
		assertThat(this.chat.post("/api/chat/direct", "{\"userId\":\"%s\"}".formatted(admin.id()), admin).status())
			.isEqualTo(400);
		String direct = opened.json().get("id").asString();
		assertThat(this.chat.get("/api/chat/rooms/" + direct + "/messages", stranger).status()).isEqualTo(404);
		assertThat(this.chat.get("/api/chat/rooms/" + direct + "/messages", admin).status()).isEqualTo(404);
	}

	@Test
	void listsMyRoomsWithUnreadCounts() {
		User teacher = this.chat.user("TEACHER");
		UUID course = this.chat.course(teacher);
		User student = this.chat.student(course);
		this.chat.post("/api/chat/direct", "{\"userId\":\"%s\"}".formatted(teacher.id()), student);
		for (int i = 0; i < 3; i++) {
			this.chat.post("/api/chat/rooms/" + course + "/messages",
					"{\"clientMessageId\":\"u%d\",\"body\":\"news %d\"}".formatted(i, i), teacher);
		}

		JsonNode rooms = this.chat.get("/api/chat/rooms", student).json();
		assertThat(rooms).hasSize(2);
		JsonNode courseRoom = rooms.get(0);
		assertThat(courseRoom.get("kind").asString()).isEqualTo("COURSE");
		assertThat(courseRoom.get("id").asString()).isEqualTo(course.toString());
		assertThat(courseRoom.get("unread").asLong()).isEqualTo(3);
		assertThat(rooms.get(1).get("kind").asString()).isEqualTo("DIRECT");
		assertThat(rooms.get(1).get("otherUserId").asString()).isEqualTo(teacher.id().toString());

		assertThat(this.chat.post("/api/chat/rooms/" + course + "/read", "{\"seq\":2}", student).status())
			.isEqualTo(204);
		assertThat(this.chat.post("/api/chat/rooms/" + course + "/read", "{\"seq\":99}", student).status())
			.isEqualTo(400);
		assertThat(this.chat.get("/api/chat/rooms", student).json().get(0).get("unread").asLong()).isOne();
		assertThat(this.chat.get("/api/chat/rooms", teacher).json().get(0).get("unread").asLong()).isZero();
	}

	@Test
	void membersNamesOnlyThoseWhoMayUseTheRoom() {
		User teacher = this.chat.user("TEACHER");
		UUID course = this.chat.course(teacher);
		User student = this.chat.student(course);
		User former = this.chat.student(course);
		this.chat.cancelEnrolment(former, course);
		User stranger = this.chat.user("STUDENT");
		User admin = this.chat.user("ADMIN");
		String ids = String.join(",", teacher.id().toString(), student.id().toString(), former.id().toString(),
				stranger.id().toString(), admin.id().toString(), UUID.randomUUID().toString());

		Response named = this.chat.get("/api/chat/rooms/" + course + "/members?ids=" + ids, student);

		assertThat(named.status()).as(named.body()).isEqualTo(200);
		Map<String, String> roles = new HashMap<>();
		named.json().forEach((member) -> roles.put(member.get("id").asString(), member.get("role").asString()));
		assertThat(roles).containsOnly(Map.entry(teacher.id().toString(), "TEACHER"),
				Map.entry(student.id().toString(), "STUDENT"), Map.entry(admin.id().toString(), "ADMIN"));
		assertThat(named.json().get(0).get("fullName").asString()).isNotBlank();
		assertThat(this.chat.get("/api/chat/rooms/" + course + "/members?ids=" + ids, stranger).status())
			.isEqualTo(404);
		assertThat(this.chat.get("/api/chat/rooms/" + course + "/members?ids=nope", student).status()).isEqualTo(400);
		assertThat(this.chat.get("/api/chat/rooms/" + course + "/members", student).status()).isEqualTo(400);
		String tooMany = String.join(",",
				LongStream.range(0, 101).mapToObj((i) -> UUID.randomUUID().toString()).toList());
		assertThat(this.chat.get("/api/chat/rooms/" + course + "/members?ids=" + tooMany, student).status())
			.isEqualTo(400);

		String direct = this.chat.post("/api/chat/direct", "{\"userId\":\"%s\"}".formatted(teacher.id()), student)
			.json()
			.get("id")
			.asString();
		JsonNode directMembers = this.chat.get("/api/chat/rooms/" + direct + "/members?ids=" + ids, teacher).json();
		assertThat(directMembers).hasSize(2);
	}

	@Test
	void aTicketOpensOneSocketOnlyAndNothingElseDoes() {
		User teacher = this.chat.user("TEACHER");
		String ticket = this.chat.ticket(teacher);
		try (ChatSocket first = ChatSocket.open(this.aula.port(), ticket)) {
			first.send("{\"type\":\"ping\"}").next("pong");
			assertThat(handshakeStatus("/ws/chat?ticket=" + ticket)).isEqualTo(401);
		}
		assertThat(handshakeStatus("/ws/chat")).isEqualTo(401);
		assertThat(handshakeStatus("/ws/chat?ticket=forged")).isEqualTo(401);
		assertThat(this.chat.http.postJson("/api/chat/ticket", "").status()).isEqualTo(401);
	}

	@Test
	void presenceAndTypingReachTheOtherMembers() {
		User teacher = this.chat.user("TEACHER");
		UUID room = this.chat.course(teacher);
		User student = this.chat.student(room);
		try (ChatSocket teacherSocket = this.chat.socket(teacher).subscribe(room);
				ChatSocket studentSocket = this.chat.socket(student).subscribe(room)) {
			studentSocket.send("{\"type\":\"typing\",\"roomId\":\"%s\"}".formatted(room));
			assertThat(teacherSocket.next("typing").get("userId").asString()).isEqualTo(student.id().toString());

			teacherSocket.send("{\"type\":\"presence\",\"roomId\":\"%s\"}".formatted(room));
			assertThat(teacherSocket.next("presence").get("online").valueStream().map(JsonNode::asString))
				.containsExactlyInAnyOrder(teacher.id().toString(), student.id().toString());
			assertThat(this.chat.get("/api/chat/rooms/" + room + "/presence", student).json().get("online")).hasSize(2);
		}
	}

	@Test
	void bodiesOfFourThousandCharactersOutsideTheBasicPlaneAreStoredIntactWhileUnstorableTextIsRefused() {
		User teacher = this.chat.user("TEACHER");
		UUID room = this.chat.course(teacher);
		String emoji = "\uD83D\uDE00".repeat(4000);
		tools.jackson.databind.json.JsonMapper json = this.aula.bean(tools.jackson.databind.json.JsonMapper.class);
		String path = "/api/chat/rooms/" + room + "/messages";

		Response stored = this.chat.post(path,
				json.writeValueAsString(Map.of("clientMessageId", "emoji", "body", emoji)), teacher);
		Response nul = this.chat.post(path,
				json.writeValueAsString(Map.of("clientMessageId", "nul", "body", "a\u0000b")), teacher);
		// escaped in the JSON: a lone surrogate cannot travel as UTF-8
		Response lone = this.chat.post(path, "{\"clientMessageId\":\"lone\",\"body\":\"a\\ud83db\"}", teacher);

		assertThat(stored.status()).as(stored.body()).isEqualTo(201);
		assertThat(this.chat.get(path, teacher).json().get("items").get(0).get("body").asString()).isEqualTo(emoji);
		assertThat(nul.status()).isEqualTo(400);
		assertThat(lone.status()).isEqualTo(400);
		try (ChatSocket socket = this.chat.socket(teacher)) {
			assertThat(socket.sendMessage(room, "nul-2", "a\u0000b").get("code").asString())
				.isEqualTo("validation-failed");
		}
		assertThat(this.chat.storedMessages(room)).isOne();
	}

	@Test
	void aClientMessageIdUsedInOneRoomIsRefusedInAnother() {
		User teacher = this.chat.user("TEACHER");
		UUID first = this.chat.course(teacher);
		UUID second = this.chat.course(teacher);
		assertThat(this.chat
			.post("/api/chat/rooms/" + first + "/messages", "{\"clientMessageId\":\"once\",\"body\":\"a\"}", teacher)
			.status()).isEqualTo(201);

		Response elsewhere = this.chat.post("/api/chat/rooms/" + second + "/messages",
				"{\"clientMessageId\":\"once\",\"body\":\"a\"}", teacher);

		assertThat(elsewhere.status()).isEqualTo(400);
		assertThat(this.chat.storedMessages(second)).isZero();
	}

	@Test
	void resumingFromASeqBeyondTheRoomsLatestStillDeliversWhatFollows() {
		User teacher = this.chat.user("TEACHER");
		UUID room = this.chat.course(teacher);
		User student = this.chat.student(room);
		try (ChatSocket reader = this.chat.socket(student); ChatSocket writer = this.chat.socket(teacher)) {
			reader.send("{\"type\":\"resume\",\"rooms\":{\"%s\":1000}}".formatted(room));
			reader.next("subscribed");

			writer.sendMessage(room, "after-stale-resume", "Still heard");

			assertThat(reader.next("message").get("message").get("body").asString()).isEqualTo("Still heard");
		}
	}

	@Test
	void typingIsThrottledSoAClientCannotFloodTheRoom() throws InterruptedException {
		User teacher = this.chat.user("TEACHER");
		UUID room = this.chat.course(teacher);
		User student = this.chat.student(room);
		try (ChatSocket watcher = this.chat.socket(teacher).subscribe(room);
				ChatSocket typist = this.chat.socket(student).subscribe(room)) {
			for (int i = 0; i < 50; i++) {
				typist.send("{\"type\":\"typing\",\"roomId\":\"%s\"}".formatted(room));
			}
			watcher.next("typing");
			watcher.send("{\"type\":\"ping\"}").next("pong");
			Thread.sleep(200);

			assertThat(watcher.drain()).noneMatch((frame) -> "typing".equals(ChatSocket.type(frame)));
		}
	}

	@Test
	void aDeactivatedUsersSocketIsClosed() {
		User teacher = this.chat.user("TEACHER");
		UUID room = this.chat.course(teacher);
		User student = this.chat.student(room);
		try (ChatSocket socket = this.chat.socket(student).subscribe(room)) {
			this.chat.jdbc.sql("UPDATE users SET active = FALSE WHERE id = ?").param(student.id()).update();

			assertThat(socket.closeCode()).isEqualTo(4003);
		}
	}

	private int handshakeStatus(String path) {
		return this.chat.http
			.raw(("GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade, close\r\nUpgrade: websocket\r\n"
					+ "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n" + "\r\n")
				.formatted(path))
			.status();
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
