package org.aula.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random single-purpose tokens (refresh tokens, invitation and reset links, chat socket
 * tickets): 256 bits from a CSPRNG, handed out once, stored only as a SHA-256 hash. A
 * 256-bit random value needs no slow hash: it cannot be guessed, only stolen.
 */
public final class OpaqueTokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	private OpaqueTokens() {
	}

	public static String generate() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	public static String hash(String token) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

	/** Cheap shape check so that garbage never reaches the database. */
	public static boolean isWellFormed(String token) {
		return token != null && token.matches("[A-Za-z0-9_-]{43}");
	}

}
