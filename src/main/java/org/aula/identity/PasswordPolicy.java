package org.aula.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a password must be (OWASP ASVS 2.1): 10 to 128 characters, any characters allowed,
 * not one of the passwords every attacker tries first, and not the user's own email name.
 */
final class PasswordPolicy {

	static final int MIN_LENGTH = 10;

	static final int MAX_LENGTH = 128;

	private static final Set<String> COMMON = load();

	private PasswordPolicy() {
	}

	/**
	 * @return why the password is refused, or empty if it is acceptable
	 */
	static Optional<String> problem(String password, String email) {
		if (password == null || password.isEmpty()) {
			return Optional.of("must not be empty");
		}
		int length = password.codePointCount(0, password.length());
		if (length < MIN_LENGTH) {
			return Optional.of("must have at least %d characters".formatted(MIN_LENGTH));
		}
		if (length > MAX_LENGTH) {
			return Optional.of("must have at most %d characters".formatted(MAX_LENGTH));
		}
		String lower = password.toLowerCase(Locale.ROOT);
		if (COMMON.contains(lower)) {
			return Optional.of("is too common; choose one that is hard to guess");
		}
		String name = (email == null) ? "" : EmailAddresses.normalise(email).split("@", 2)[0];
		if (name.length() >= 4 && lower.contains(name)) {
			return Optional.of("must not contain your email name");
		}
		return Optional.empty();
	}

	private static Set<String> load() {
		try (var in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt");
				var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			return reader.lines()
				.map(String::trim)
				.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
				.collect(Collectors.toUnmodifiableSet());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
