package org.aula.identity;

import java.util.UUID;

import org.springframework.security.oauth2.jwt.Jwt;

/** Reads Aula's claims from a verified access token. */
final class CurrentUser {

	private CurrentUser() {
	}

	static UUID id(Jwt jwt) {
		try {
			return UUID.fromString(jwt.getSubject());
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw new AuthenticationFailed(org.aula.platform.web.ProblemTypes.UNAUTHORIZED,
					"The access token does not name a user.");
		}
	}

	/**
	 * @return the refresh-token family the token was issued from, or null if it has none
	 */
	static UUID family(Jwt jwt) {
		String family = jwt.getClaimAsString("fid");
		try {
			return (family != null) ? UUID.fromString(family) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
