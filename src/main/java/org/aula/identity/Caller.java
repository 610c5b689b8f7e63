package org.aula.identity;

import java.util.UUID;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling, from a verified access token, as other modules need it: the user and
 * whether they are an admin.
 *
 * @param id the user id ({@code sub})
 * @param admin whether the caller has the ADMIN role
 */
public record Caller(UUID id, boolean admin) {

	/**
	 * @param jwt a verified access token
	 * @return its caller
	 */
	public static Caller of(Jwt jwt) {
		return new Caller(UUID.fromString(jwt.getSubject()), Role.ADMIN.name().equals(jwt.getClaimAsString("role")));
	}

	/**
	 * Admins manage everything; anyone else what they own.
	 * @param ownerId the owner of what is to be managed, e.g. a course's teacher
	 * @return whether the caller may manage it
	 */
	public boolean mayManage(UUID ownerId) {
		return this.admin || this.id.equals(ownerId);
	}

}
