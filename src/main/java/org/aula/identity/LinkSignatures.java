package org.aula.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signatures for links that must work without an {@code Authorization} header, such as a
 * {@code <video src>}: HMAC-SHA256 under a key derived from the access-token signing key,
 * one key per purpose. Every instance therefore verifies what any instance signed, and a
 * signature made for one purpose proves nothing for another. What a message says and when
 * it expires is the caller's business.
 */
public final class LinkSignatures {

	private static final String ALGORITHM = "HmacSHA256";

	private final Function<String, byte[]> derive;

	private final Map<String, SecretKeySpec> keys = new ConcurrentHashMap<>();

	LinkSignatures(Function<String, byte[]> derive) {
		this.derive = derive;
	}

	/**
	 * @param purpose lower-case name of what the signature is for, e.g. {@code media}
	 * @param message what is signed
	 * @return the signature, base64url without padding (43 characters)
	 */
	public String sign(String purpose, String message) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(purpose, message));
	}

	/**
	 * Checks a signature in constant time; anything that is not a signature of the
	 * message for the purpose, garbage included, is {@code false}.
	 */
	public boolean verify(String purpose, String message, String signature) {
		if (signature == null) {
			return false;
		}
		// Compared as text, so there is exactly one valid spelling of each signature.
		return MessageDigest.isEqual(sign(purpose, message).getBytes(StandardCharsets.US_ASCII),
				signature.getBytes(StandardCharsets.UTF_8));
	}

	private byte[] mac(String purpose, String message) {
		SecretKeySpec key = this.keys.computeIfAbsent(purpose,
				(name) -> new SecretKeySpec(this.derive.apply("aula link signature: " + name), ALGORITHM));
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(key);
			return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

}
