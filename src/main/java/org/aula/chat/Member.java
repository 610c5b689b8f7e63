package org.aula.chat;

import java.util.UUID;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is chatting, from the verified access token or the redeemed socket ticket.
 *
 * @param id the user id
 * @param admin whether the user has the ADMIN role
 */
record Member(UUID id, boolean admin) {

	static Member of(Jwt jwt) {
		return new Member(UUID.fromString(jwt.getSubject()), "ADMIN".equals(jwt.getClaimAsString("role")));
	}

}
