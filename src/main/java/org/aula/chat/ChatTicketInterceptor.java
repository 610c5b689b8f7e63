package org.aula.chat;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.aula.identity.Caller;
import org.aula.identity.Role;
import org.aula.identity.UserSummary;
import org.aula.identity.Users;

import org.springframework.context.annotation.Lazy;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
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

	private final ChatTickets tickets;

	private final Users users;

	ChatTicketInterceptor(ChatTickets tickets, @Lazy Users users) {
		this.tickets = tickets;
		this.users = users;
	}

	@Override
	public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			Map<String, Object> attributes) {
		String ticket = UriComponentsBuilder.fromUri(request.getURI()).build().getQueryParams().getFirst("ticket");
		Optional<UserSummary> user = this.tickets.redeem(ticket)
			.flatMap(this.users::findById)
			.filter(UserSummary::active);
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
