package org.aula.identity;

import org.aula.identity.tokens.TestAccessTokens;

/** Link signatures as an application configured with a given secret makes them. */
public final class TestLinkSignatures {

	private TestLinkSignatures() {
	}

	/**
	 * Signatures like those of an application with {@code aula.tokens.jwt-secret} set to
	 * {@code secret}.
	 */
	public static LinkSignatures signedWith(String secret) {
		return new LinkSignatures(TestAccessTokens.signedWith(secret)::derivedKey);
	}

}
