package org.aula.chat;

import java.net.URI;

import org.aula.platform.web.NotFound;
import org.aula.platform.web.ProblemTypes;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Problem types specific to chat; see docs/errors.md. */
final class ChatProblems {

	static final URI DIRECT_CHAT_NOT_ALLOWED = ProblemTypes.of("direct-chat-not-allowed");

	static final URI MESSAGE_NOT_DELETABLE = ProblemTypes.of("message-not-deletable");

	private ChatProblems() {
	}

	/** Also what a non-member gets: a room one cannot see does not exist for them. */
	static NotFound roomNotFound() {
		return new NotFound("No such chat room.");
	}

	static NotFound messageNotFound() {
		return new NotFound("No such chat message.");
	}

	static NotFound userNotFound() {
		return new NotFound("No such user.");
	}

	static ErrorResponseException directChatNotAllowed() {
		return of(HttpStatus.FORBIDDEN, DIRECT_CHAT_NOT_ALLOWED,
				"Direct messages are open between a student and the teachers of their courses, and between"
						+ " an admin and anyone.");
	}

	static ErrorResponseException messageNotDeletable() {
		return of(HttpStatus.FORBIDDEN, MESSAGE_NOT_DELETABLE,
				"Only the author (within 5 minutes of sending), the course's teacher or an admin may delete a"
						+ " message.");
	}

	private static ErrorResponseException of(HttpStatus status, URI type, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type);
		return new ErrorResponseException(status, problem, null);
	}

}
