package org.aula.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.aula.platform.security.OpaqueTokens;
import org.aula.platform.web.InvalidInput;
import org.aula.platform.web.ProblemTypes;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * The browser's session: the refresh token lives in an HttpOnly cookie that only
 * {@code /api/auth} receives, so no script on the page can read it. Because the browser
 * sends that cookie by itself, spending it also needs the CSRF token of the readable
 * {@code aula_csrf} cookie echoed in a header: another site can make the browser send the
 * cookie but can neither read it nor set the header (double-submit cookie).
 * {@code SameSite=Strict} keeps both cookies off cross-site requests in the first place.
 */
@Component
class SessionCookies {

	static final String REFRESH = "aula_refresh";

	static final String CSRF = "aula_csrf";

	static final String CSRF_HEADER = "X-CSRF-Token";

	private static final String REFRESH_PATH = "/api/auth";

	private static final String CSRF_PATH = "/";

	private final Duration lifetime;

	SessionCookies(IdentitySettings settings) {
		this.lifetime = settings.refreshTokenTtl();
	}

	/**
	 * Whether a login asks for cookie mode; anything but absent or "cookie" is refused.
	 */
	static boolean requested(String session) {
		if (session == null) {
			return false;
		}
		if (!"cookie".equals(session)) {
			throw new InvalidInput("session", "must be cookie, or left out to get the refresh token in the body");
		}
		return true;
	}

	/**
	 * Headers that set the refresh cookie and a new CSRF token; both live as long as the
	 * refresh token.
	 */
	HttpHeaders issue(String refreshToken, HttpServletRequest request) {
		HttpHeaders headers = new HttpHeaders();
		headers.add(HttpHeaders.SET_COOKIE, refreshCookie(refreshToken, this.lifetime, request));
		headers.add(HttpHeaders.SET_COOKIE, csrfCookie(OpaqueTokens.generate(), this.lifetime, request));
		return headers;
	}

	/** Headers that make the browser drop both cookies. */
	HttpHeaders clear(HttpServletRequest request) {
		HttpHeaders headers = new HttpHeaders();
		headers.add(HttpHeaders.SET_COOKIE, refreshCookie("", Duration.ZERO, request));
		headers.add(HttpHeaders.SET_COOKIE, csrfCookie("", Duration.ZERO, request));
		return headers;
	}

	/** The refresh token of the cookie, if the browser sent a non-empty one. */
	static Optional<String> refreshToken(HttpServletRequest request) {
		return values(request, REFRESH).stream().findFirst();
	}

	/**
	 * Refuses the request unless its {@code X-CSRF-Token} header equals the CSRF cookie.
	 * @throws ErrorResponseException 403 {@code csrf-failed}
	 */
	static void requireCsrf(HttpServletRequest request) {
		String header = request.getHeader(CSRF_HEADER);
		boolean matches = false;
		if (header != null && !header.isEmpty()) {
			byte[] presented = header.getBytes(StandardCharsets.UTF_8);
			for (String cookie : values(request, CSRF)) {
				// Not short-circuited, so the time taken says nothing about the cookies.
				matches |= MessageDigest.isEqual(presented, cookie.getBytes(StandardCharsets.UTF_8));
			}
		}
		if (!matches) {
			throw IdentityProblems.of(HttpStatus.FORBIDDEN, ProblemTypes.CSRF_FAILED,
					"The " + CSRF_HEADER + " header must repeat the " + CSRF + " cookie; nothing was changed.");
		}
	}

	private static List<String> values(HttpServletRequest request, String name) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return List.of();
		}
		return Arrays.stream(cookies)
			.filter((cookie) -> name.equals(cookie.getName()) && cookie.getValue() != null
					&& !cookie.getValue().isEmpty())
			.map(Cookie::getValue)
			.toList();
	}

	private static String refreshCookie(String value, Duration maxAge, HttpServletRequest request) {
		return ResponseCookie.from(REFRESH, value)
			.path(REFRESH_PATH)
			.httpOnly(true)
			.secure(request.isSecure())
			.sameSite("Strict")
			.maxAge(maxAge)
			.build()
			.toString();
	}

	/** Readable by the page (not HttpOnly): it sends the value back in the header. */
	private static String csrfCookie(String value, Duration maxAge, HttpServletRequest request) {
		return ResponseCookie.from(CSRF, value)
			.path(CSRF_PATH)
			.secure(request.isSecure())
			.sameSite("Strict")
			.maxAge(maxAge)
			.build()
			.toString();
	}

}
