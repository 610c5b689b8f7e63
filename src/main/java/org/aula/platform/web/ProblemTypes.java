package org.aula.platform.web;

import java.net.URI;

import org.springframework.http.HttpStatusCode;

/**
 * The stable {@code type} URIs of Aula's problem responses. Clients may switch on them;
 * they never change once published. The list with meanings is in {@code docs/errors.md}.
 */
public final class ProblemTypes {

	private static final String PREFIX = "urn:aula:problem:";

	public static final URI MALFORMED_REQUEST = of("malformed-request");

	public static final URI VALIDATION_FAILED = of("validation-failed");

	public static final URI BAD_REQUEST = of("bad-request");

	public static final URI UNAUTHORIZED = of("unauthorized");

	public static final URI FORBIDDEN = of("forbidden");

	/**
	 * A request that spends the refresh cookie without the matching CSRF header.
	 */
	public static final URI CSRF_FAILED = of("csrf-failed");

	public static final URI NOT_FOUND = of("not-found");

	public static final URI METHOD_NOT_ALLOWED = of("method-not-allowed");

	public static final URI NOT_ACCEPTABLE = of("not-acceptable");

	public static final URI CONFLICT = of("conflict");

	public static final URI PAYLOAD_TOO_LARGE = of("payload-too-large");

	public static final URI UNSUPPORTED_MEDIA_TYPE = of("unsupported-media-type");

	public static final URI RATE_LIMITED = of("rate-limited");

	public static final URI INTERNAL_ERROR = of("internal-error");

	public static final URI SERVICE_UNAVAILABLE = of("service-unavailable");

	private ProblemTypes() {
	}

	/**
	 * A module-specific problem type, e.g. {@code of("enrolment-exists")}.
	 * @param slug lower-case words joined by dashes
	 * @return the type URI
	 */
	public static URI of(String slug) {
		if (!slug.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
			throw new IllegalArgumentException("Problem type slug must be lower-case-dashed: " + slug);
		}
		return URI.create(PREFIX + slug);
	}

	/**
	 * The generic type for a status when nothing more specific applies.
	 * @param status the HTTP status
	 * @return the type URI
	 */
	public static URI forStatus(HttpStatusCode status) {
		return switch (status.value()) {
			case 400 -> BAD_REQUEST;
			case 401 -> UNAUTHORIZED;
			case 403 -> FORBIDDEN;
			case 404 -> NOT_FOUND;
			case 405 -> METHOD_NOT_ALLOWED;
			case 406 -> NOT_ACCEPTABLE;
			case 409 -> CONFLICT;
			case 413 -> PAYLOAD_TOO_LARGE;
			case 415 -> UNSUPPORTED_MEDIA_TYPE;
			case 429 -> RATE_LIMITED;
			case 503 -> SERVICE_UNAVAILABLE;
			default -> status.is5xxServerError() ? INTERNAL_ERROR : of("http-" + status.value());
		};
	}

}
