package org.aula.chat;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.aula.identity.Caller;
import org.aula.identity.Role;
import org.aula.identity.UserSummary;
import org.aula.identity.Users;
import org.aula.platform.web.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Lazy;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Admits a socket with a valid ticket ({@code /ws/chat?ticket=...}) of an active user;
 * anything else is refused with 401 before the upgrade.
 */
@Component
class ChatTicketInterceptor implements HandshakeInterceptor {

	private static final Logger log = LoggerFactory.getLogger(ChatTicketInterceptor.class);

	private final ChatTickets tickets;

	private final Users users;

	private final ProblemResponses problems;

	ChatTicketInterceptor(ChatTickets tickets, @Lazy Users users, ProblemResponses problems) {
		this.tickets = tickets;
		this.users = users;
		this.problems = problems;
	}

	@Override
	public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			Map<String, Object> attributes) throws IOException {
		String ticket = UriComponentsBuilder.fromUri(request.getURI()).build().getQueryParams().getFirst("ticket");
		Optional<UserSummary> user;
		try {
			user = this.tickets.redeem(ticket).flatMap(this.users::findById).filter(UserSummary::active);
		}
		catch (RuntimeException ex) {
			// The handshake runs outside Spring MVC's error handling: without this an
			// overloaded pool would answer 500 and a client would not know to come back.
			if (!ProblemResponses.isDatabaseUnavailable(ex)
					|| !(request instanceof ServletServerHttpRequest servletRequest)
					|| !(response instanceof ServletServerHttpResponse servletResponse)) {
				throw ex;
			}
			log.warn("No database connection for a chat handshake: {}", ex.getMessage());
			HttpServletResponse raw = servletResponse.getServletResponse();
			raw.setHeader(HttpHeaders.RETRY_AFTER, ProblemResponses.DATABASE_RETRY_AFTER_SECONDS);
			this.problems.write(raw, ProblemResponses.databaseUnavailable(servletRequest.getServletRequest()));
			return false;
		}
		if (user.isEmpty()) {
			response.setStatusCode(HttpStatus.UNAUTHORIZED);
			return false;
		}
		UUID id = user.get().id();
		attributes.put(ChatSocketHandler.MEMBER, new Caller(id, user.get().role() == Role.ADMIN));
		return true;
	}

	@Override
	public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			Exception exception) {
	}

}
