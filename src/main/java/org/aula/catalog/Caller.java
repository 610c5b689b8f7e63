package org.aula.catalog;

import java.util.UUID;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is asking, from a verified access token, or nobody.
 *
 * @param id the user id, or {@code null} for an anonymous caller
 * @param role the role claim, or {@code null} for an anonymous caller
 */
record Caller(UUID id, String role) {

	static final Caller ANONYMOUS = new Caller(null, null);

	static Caller of(Jwt jwt) {
		if (jwt == null) {
			return ANONYMOUS;
		}
		try {
			return new Caller(UUID.fromString(jwt.getSubject()), jwt.getClaimAsString("role"));
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			return ANONYMOUS;
		}
	}

	boolean isAdmin() {
		return "ADMIN".equals(this.role);
	}

	boolean owns(Course course) {
		return this.id != null && this.id.equals(course.teacherId());
	}

	/** Owners and admins edit a course and see all of it, published or not. */
	boolean manages(Course course) {
		return isAdmin() || owns(course);
	}

}
