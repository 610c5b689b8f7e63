package org.aula.audit.internal;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.aula.platform.web.RequestIds;
import org.slf4j.MDC;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Where an audited action came from: the authenticated caller and the HTTP request being
 * served, each absent when there is none (a scheduled job, start-up, a test).
 *
 * @param actorId the access token's subject when it is a UUID
 * @param ip the client's address as the server sees it (behind trusted proxies, the
 * forwarded one)
 * @param userAgent the {@code User-Agent} header, cut to fit the column
 * @param requestId the id every log line of the request carries
 */
record RequestOrigin(UUID actorId, String ip, String userAgent, String requestId) {

	static final int MAX_IP = 64;

	static final int MAX_USER_AGENT = 512;

	static final int MAX_REQUEST_ID = 128;

	private static final Pattern UUID_TEXT = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	static RequestOrigin current() {
		HttpServletRequest request = currentRequest();
		String ip = (request != null) ? cut(request.getRemoteAddr(), MAX_IP) : null;
		String userAgent = (request != null) ? cut(request.getHeader(HttpHeaders.USER_AGENT), MAX_USER_AGENT) : null;
		return new RequestOrigin(authenticatedActor(), ip, userAgent, cut(MDC.get(RequestIds.MDC_KEY), MAX_REQUEST_ID));
	}

	static UUID authenticatedActor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof Jwt jwt) {
			return uuidOrNull(jwt.getSubject());
		}
		return null;
	}

	/**
	 * {@link UUID#fromString} accepts shortened forms such as {@code 1-2-3-4-5}; only the
	 * canonical form identifies a user.
	 */
	static UUID uuidOrNull(String text) {
		return (text != null && UUID_TEXT.matcher(text).matches()) ? UUID.fromString(text) : null;
	}

	private static HttpServletRequest currentRequest() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		return (attributes instanceof ServletRequestAttributes servlet) ? servlet.getRequest() : null;
	}

	private static String cut(String value, int max) {
		return (value == null || value.length() <= max) ? value : value.substring(0, max);
	}

}
