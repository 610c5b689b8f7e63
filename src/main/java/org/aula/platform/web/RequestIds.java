package org.aula.platform.web;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Request ids tie a client's report, the response and every log line of one request
 * together. An incoming {@code X-Request-Id} is kept only when it is short and made of
 * safe characters, so it can never inject anything into logs or headers.
 */
public final class RequestIds {

	public static final String HEADER = "X-Request-Id";

	/** The MDC key under which every log line of a request carries its id. */
	public static final String MDC_KEY = "requestId";

	private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

	private RequestIds() {
	}

	static String acceptOrGenerate(String incoming) {
		return (incoming != null && SANE.matcher(incoming).matches()) ? incoming : UUID.randomUUID().toString();
	}

}
