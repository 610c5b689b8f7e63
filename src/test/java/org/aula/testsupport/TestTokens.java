package org.aula.testsupport;

import java.util.UUID;

import org.aula.identity.tokens.AccessTokens;
import org.aula.identity.tokens.TestAccessTokens;

/**
 * Access tokens the application under test accepts: {@link EmbeddedAulaTest} and
 * {@link RunningAula} configure {@link #SECRET} as the signing secret, and these tokens
 * are signed with it exactly as the application signs its own.
 */
public final class TestTokens {

	/** The HMAC secret every test application signs and verifies access tokens with. */
	public static final String SECRET = "platform-tests-only-hmac-key-of-32+bytes!";

	private static final AccessTokens ISSUER = TestAccessTokens.signedWith(SECRET);

	private TestTokens() {
	}

	/**
	 * A valid token for a new user in a new refresh-token family.
	 * @param role the {@code role} claim, e.g. {@code ADMIN}
	 * @return the compact JWT, without the {@code Bearer } prefix
	 */
	public static String accessToken(String role) {
		return accessToken(UUID.randomUUID(), role);
	}

	/**
	 * A valid token for the user in a new refresh-token family.
	 * @param userId the {@code sub} claim
	 * @param role the {@code role} claim, e.g. {@code ADMIN}
	 * @return the compact JWT, without the {@code Bearer } prefix
	 */
	public static String accessToken(UUID userId, String role) {
		return ISSUER.issue(userId, role, UUID.randomUUID()).value();
	}

}
