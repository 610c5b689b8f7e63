package org.aula.notifications;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A plain-text email to one recipient.
 * <p>
 * The address and subject are checked here because they end up in mail headers: neither
 * may contain a line break. Callers validate what users typed before building one, so a
 * rejected email is a programming error, not bad user input.
 *
 * @param to the recipient's address: {@code local@domain} without spaces or control
 * characters, at most {@value #MAX_ADDRESS_LENGTH} characters
 * @param subject one line of 1 to {@value #MAX_SUBJECT_LENGTH} characters
 * @param body the text, not null (may be empty)
 */
public record OutgoingEmail(String to, String subject, String body) {

	public static final int MAX_ADDRESS_LENGTH = 320;

	public static final int MAX_SUBJECT_LENGTH = 300;

	private static final Pattern ADDRESS = Pattern
		.compile("[^@\\s\\p{Cntrl}]{1,64}@[^@\\s\\p{Cntrl}.][^@\\s\\p{Cntrl}]*");

	private static final Pattern LINE_BREAK = Pattern.compile("[\\r\\n\\u0085\\u2028\\u2029]");

	/**
	 * Validates every field.
	 * @throws IllegalArgumentException when the address is implausible or too long, or
	 * the subject is empty, too long or spans lines
	 * @throws NullPointerException when the body is null
	 */
	public OutgoingEmail {
		if (to == null || to.length() > MAX_ADDRESS_LENGTH || !ADDRESS.matcher(to).matches() || to.endsWith(".")) {
			throw new IllegalArgumentException("Not a plausible email address: " + to);
		}
		if (subject == null || subject.isEmpty() || subject.length() > MAX_SUBJECT_LENGTH) {
			throw new IllegalArgumentException("Email subject must be 1 to " + MAX_SUBJECT_LENGTH + " characters");
		}
		if (LINE_BREAK.matcher(subject).find()) {
			throw new IllegalArgumentException("Email subject must be one line");
		}
		Objects.requireNonNull(body, "Email body must not be null");
	}

	/** Leaves the body out: it may hold a one-time link that must not reach a log. */
	@Override
	public String toString() {
		return "OutgoingEmail[to=" + this.to + ", subject=" + this.subject + "]";
	}

}
