package org.aula.certificates;

import java.security.SecureRandom;
import java.util.Optional;

/**
 * Verification codes: 16 characters of Crockford's base32 (80 random bits from
 * {@link SecureRandom}) in four dashed groups, such as {@code 7K3M-Q9XD-2HPA-W5RT}. The
 * alphabet has no I, L, O or U, so a code read aloud or typed from paper survives: input
 * is case-insensitive, dashes and spaces are optional, and O, I and L are read as 0, 1
 * and 1.
 */
final class CertificateCodes {

	static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

	static final int LENGTH = 16;

	private static final int GROUP = 4;

	/** Longer input is not a code, whatever it holds: never worth normalising. */
	private static final int MAX_INPUT = 64;

	private final SecureRandom random;

	CertificateCodes(SecureRandom random) {
		this.random = random;
	}

	/** A new random code, formatted. */
	String next() {
		StringBuilder raw = new StringBuilder(LENGTH);
		for (int i = 0; i < LENGTH; i++) {
			raw.append(ALPHABET.charAt(this.random.nextInt(ALPHABET.length())));
		}
		return format(raw);
	}

	/**
	 * The code as stored, from what someone typed.
	 * @param input a code in any case, with or without dashes
	 * @return the formatted code, or empty when the input cannot be a code
	 */
	static Optional<String> normalise(String input) {
		if (input == null || input.length() > MAX_INPUT) {
			return Optional.empty();
		}
		StringBuilder raw = new StringBuilder(LENGTH);
		for (int i = 0; i < input.length(); i++) {
			char typed = input.charAt(i);
			if (typed > 127) {
				return Optional.empty();
			}
			char c = Character.toUpperCase(typed);
			switch (c) {
				case '-', ' ' -> {
					continue;
				}
				case 'O' -> c = '0';
				case 'I', 'L' -> c = '1';
				default -> {
				}
			}
			if (ALPHABET.indexOf(c) < 0 || raw.length() == LENGTH) {
				return Optional.empty();
			}
			raw.append(c);
		}
		return (raw.length() == LENGTH) ? Optional.of(format(raw)) : Optional.empty();
	}

	private static String format(CharSequence raw) {
		StringBuilder formatted = new StringBuilder(LENGTH + LENGTH / GROUP - 1);
		for (int i = 0; i < LENGTH; i++) {
			if (i > 0 && i % GROUP == 0) {
				formatted.append('-');
			}
			formatted.append(raw.charAt(i));
		}
		return formatted.toString();
	}

}
