package org.aula.chat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.aula.platform.jdbc.Timestamps;
import org.aula.platform.seeding.SeedPlan;
import org.aula.platform.seeding.SeedRows;
import org.aula.platform.seeding.SeedStep;

import org.springframework.stereotype.Component;

/**
 * Seeds course-chat history: each message is sent by a random student into the room of
 * one of that student's courses, so popular courses have busy rooms, and every sender is
 * a member of the room. Messages spread over the last 30 days in seq order.
 */
@Component
class ChatSeed implements SeedStep {

	private static final String[] PHRASES = { "¿Alguien entendió el ejercicio 3?", "Thanks, that helped a lot!",
			"¿Cuándo se publica la nota del módulo 1?", "The video in lesson 2 explains it well.",
			"Nos vemos en la sesión de dudas.", "Could someone share their notes?", "Gracias, profe.",
			"I think the answer is 42, but I'm not sure why.", "¡Terminé el módulo!", "Is the quiz open-book?" };

	private final SeedRows rows;

	ChatSeed(SeedRows rows) {
		this.rows = rows;
	}

	@Override
	public String module() {
		return "chat";
	}

	@Override
	public int order() {
		return 40;
	}

	@Override
	public Map<String, Long> seed(SeedPlan plan) {
		Instant now = Instant.now();
		Instant first = now.minus(Duration.ofDays(30));
		long[] lastSeq = new long[plan.courses() + 1];
		messages(plan).forEach((message) -> lastSeq[message.course()]++);
		Map<String, Long> created = new LinkedHashMap<>();
		created.put("chat_rooms",
				this.rows.insert("chat_rooms", List.of("id", "kind", "last_seq", "created_at"),
						IntStream.rangeClosed(1, plan.courses())
							.filter((course) -> lastSeq[course] > 0)
							.mapToObj((course) -> new Object[] { plan.courseId(course), "COURSE", lastSeq[course],
									Timestamps.of(first) })));
		long[] seq = new long[plan.courses() + 1];
		long span = Duration.between(first, now).toMillis();
		created.put("chat_messages", this.rows.insert("chat_messages",
				List.of("id", "room_id", "seq", "sender_id", "client_message_id", "body", "created_at"),
				messages(plan).map((message) -> new Object[] { plan.id("chat-message", message.number()),
						plan.courseId(message.course()), ++seq[message.course()], plan.studentId(message.sender()),
						"seed-" + plan.seed() + "-" + message.number(), message.body(),
						Timestamps.of(first.plusMillis(span * message.number() / plan.chatMessages())) })));
		return created;
	}

	/** The same messages in the same order on every call. */
	private static Stream<Message> messages(SeedPlan plan) {
		SplittableRandom random = plan.random("chat", 0);
		return IntStream.rangeClosed(1, plan.chatMessages()).mapToObj((number) -> {
			int sender = 1 + random.nextInt(plan.students());
			int[] courses = plan.coursesOf(sender);
			int course = courses[random.nextInt(courses.length)];
			return new Message(number, sender, course, PHRASES[random.nextInt(PHRASES.length)]);
		});
	}

	private record Message(long number, int sender, int course, String body) {
	}

}
