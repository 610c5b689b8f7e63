package org.aula.chat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.aula.testsupport.HttpApi;
import org.aula.testsupport.HttpApi.Response;
import org.aula.testsupport.RunningAula;
import org.aula.testsupport.TestTokens;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Users, courses and enrolments written straight to the database, and chat calls as each
 * user.
 */
final class ChatFixture {

	private static final AtomicInteger CODES = new AtomicInteger();

	final RunningAula aula;

	final HttpApi http;

	final JdbcClient jdbc;

	ChatFixture(RunningAula aula) {
		this.aula = aula;
		this.http = aula.http();
		this.jdbc = aula.bean(JdbcClient.class);
	}

	record User(UUID id, String role, String token) {

		String[] auth() {
			return new String[] { "Authorization", "Bearer " + this.token };
		}

	}

	User user(String role) {
		UUID id = UUID.randomUUID();
		this.jdbc
			.sql("INSERT INTO users (id, email, full_name, role, active, registered, created_at)"
					+ " VALUES (?, ?, ?, ?, TRUE, TRUE, ?)")
			.params(id, id + "@test.aula",
					role.charAt(0) + role.substring(1).toLowerCase() + " " + id.toString().substring(0, 4), role,
					OffsetDateTime.now())
			.update();
		return new User(id, role, TestTokens.accessToken(id, role));
	}

	/** A published course of the teacher; its room's id is the course's id. */
	UUID course(User teacher) {
		UUID id = UUID.randomUUID();
		String code = "CH" + (char) ('A' + CODES.get() / 1000 % 26) + "-" + (CODES.incrementAndGet() % 1000);
		this.jdbc
			.sql("INSERT INTO courses (id, code, title, description, teacher_id, price, currency, published,"
					+ " created_at, updated_at) VALUES (?, ?, ?, 'About chat', ?, ?, 'USD', TRUE, ?, ?)")
			.params(id, code, "Course " + code, teacher.id(), BigDecimal.ZERO, OffsetDateTime.now(),
					OffsetDateTime.now())
			.update();
		return id;
	}

	User student(UUID courseId) {
		User student = user("STUDENT");
		enrol(student, courseId);
		return student;
	}

	void enrol(User student, UUID courseId) {
		this.jdbc
			.sql("INSERT INTO enrolments (id, student_id, course_id, status, source, created_at)"
					+ " VALUES (?, ?, ?, 'ACTIVE', 'FREE', ?)")
			.params(UUID.randomUUID(), student.id(), courseId, OffsetDateTime.now())
			.update();
	}

	void cancelEnrolment(User student, UUID courseId) {
		this.jdbc.sql("UPDATE enrolments SET status = 'CANCELLED' WHERE student_id = ? AND course_id = ?")
			.params(student.id(), courseId)
			.update();
	}

	String ticket(User user) {
		Response ticket = this.http.postJson("/api/chat/ticket", "", user.auth());
		assertThat(ticket.status()).as(ticket.body()).isEqualTo(200);
		return ticket.json().get("ticket").asString();
	}

	ChatSocket socket(User user) {
		return ChatSocket.open(this.aula.port(), ticket(user));
	}

	Response get(String path, User user) {
		return this.http.get(path, user.auth());
	}

	Response post(String path, String json, User user) {
		return this.http.postJson(path, json, user.auth());
	}

	Response delete(String path, User user) {
		return this.http.send(this.http.request(path).DELETE().headers(user.auth()));
	}

	long storedMessages(UUID roomId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM chat_messages WHERE room_id = ?")
			.param(roomId)
			.query(Long.class)
			.single();
	}

}
