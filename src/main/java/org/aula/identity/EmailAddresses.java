package org.aula.identity;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Emails are compared and stored in one normal form (trimmed, lower case), so
 * {@code Ana@Example.org} and {@code ana@example.org } are the same account.
 */
final class EmailAddresses {

	private static final Pattern PLAUSIBLE = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

	private EmailAddresses() {
	}

	static String normalise(String email) {
		return (email == null) ? "" : email.trim().toLowerCase(Locale.ROOT);
	}

	static boolean isPlausible(String normalised) {
		return normalised.length() <= 320 && PLAUSIBLE.matcher(normalised).matches();
	}

}
