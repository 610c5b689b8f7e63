package org.aula.platform.jobs;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A job to run.
 *
 * @param type the {@link JobHandler#type() handler's type}, such as {@code email.deliver}
 * @param payload what the handler needs, usually an id; at most
 * {@value #MAX_PAYLOAD_LENGTH} characters, because the database row is the source of
 * truth, not the payload
 * @param serialKey when not null, jobs with the same key never run at the same time, on
 * any instance (for example {@code course-statistics:<id>}); at most
 * {@value #MAX_SERIAL_KEY_LENGTH} characters
 */
public record JobRequest(String type, String payload, String serialKey) {

	public static final int MAX_PAYLOAD_LENGTH = 4000;

	public static final int MAX_SERIAL_KEY_LENGTH = 200;

	private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*");

	public JobRequest {
		if (type == null || type.length() > 64 || !TYPE.matcher(type).matches()) {
			throw new IllegalArgumentException("Job type must be dotted lower-case words: " + type);
		}
		Objects.requireNonNull(payload, "payload");
		if (payload.length() > MAX_PAYLOAD_LENGTH) {
			throw new IllegalArgumentException("Job payload is longer than " + MAX_PAYLOAD_LENGTH + " characters");
		}
		if (serialKey != null && (serialKey.isBlank() || serialKey.length() > MAX_SERIAL_KEY_LENGTH)) {
			throw new IllegalArgumentException("Serial key must be 1 to " + MAX_SERIAL_KEY_LENGTH + " characters");
		}
	}

	/** A job that may run concurrently with any other. */
	public static JobRequest of(String type, String payload) {
		return new JobRequest(type, payload, null);
	}

	/** The same job, serialised with every other job that has this key. */
	public JobRequest serialisedBy(String key) {
		return new JobRequest(this.type, this.payload, key);
	}

}
