package org.aula.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sets the security headers before anything else can answer, so that every response
 * carries them, errors from filters included. HSTS only goes out over HTTPS, which
 * includes a trusted proxy saying {@code X-Forwarded-Proto: https} (Tomcat's remote-IP
 * valve turns that into {@link HttpServletRequest#isSecure()}).
 */
class SecurityHeadersFilter extends OncePerRequestFilter {

	/** JSON never needs to load anything, frame or be framed. */
	static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

	/**
	 * The API explorer is a page: it loads its own scripts, styles and images, nothing
	 * else.
	 */
	static final String DOCS_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
			+ "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		writeHeaders(response, request.isSecure(), isDocs(request));
		chain.doFilter(request, response);
	}

	static void writeHeaders(HttpServletResponse response, boolean secure, boolean docs) {
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("X-Frame-Options", "DENY");
		response.setHeader("Referrer-Policy", "no-referrer");
		response.setHeader("Content-Security-Policy", docs ? DOCS_POLICY : API_POLICY);
		response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
		response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
		if (secure) {
			response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
		}
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	private static boolean isDocs(HttpServletRequest request) {
		String path = request.getRequestURI();
		return path.startsWith("/swagger-ui");
	}

}
