package org.aula.learning;

import java.util.UUID;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling, from the verified access token.
 *
 * @param id the user id ({@code sub})
 * @param admin whether the caller has the ADMIN role
 */
record Caller(UUID id, boolean admin) {

	static Caller of(Jwt jwt) {
		return new Caller(UUID.fromString(jwt.getSubject()), "ADMIN".equals(jwt.getClaimAsString("role")));
	}

	/** Owners and admins manage a course; anyone else must not learn it exists. */
	boolean manages(org.aula.catalog.CourseRef course) {
		return this.admin || course.teacherId().equals(this.id);
	}

}
