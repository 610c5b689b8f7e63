package org.aula.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs first: gives the request its id (echoed on the response and put in the MDC, so
 * every log line of the request carries it) and writes one access-log line when it
 * completes.
 */
class RequestIdFilter extends OncePerRequestFilter {

	private static final Logger accessLog = LoggerFactory.getLogger("org.aula.access");

	static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";

	private final boolean accessLogEnabled;

	RequestIdFilter(boolean accessLogEnabled) {
		this.accessLogEnabled = accessLogEnabled;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getAttribute(ATTRIBUTE) instanceof String known) {
			// An error dispatch of a request that already has its id: keep it, log
			// nothing twice.
			MDC.put(RequestIds.MDC_KEY, known);
			try {
				chain.doFilter(request, response);
			}
			finally {
				MDC.remove(RequestIds.MDC_KEY);
			}
			return;
		}
		String requestId = RequestIds.acceptOrGenerate(request.getHeader(RequestIds.HEADER));
		request.setAttribute(ATTRIBUTE, requestId);
		response.setHeader(RequestIds.HEADER, requestId);
		long started = System.nanoTime();
		MDC.put(RequestIds.MDC_KEY, requestId);
		try {
			chain.doFilter(request, response);
		}
		finally {
			if (this.accessLogEnabled) {
				long millis = (System.nanoTime() - started) / 1_000_000;
				accessLog.atInfo()
					.addKeyValue("http.method", request.getMethod())
					.addKeyValue("url.path", request.getRequestURI())
					.addKeyValue("http.status", response.getStatus())
					.addKeyValue("duration.ms", millis)
					.log("{} {} -> {} in {} ms", request.getMethod(), request.getRequestURI(), response.getStatus(),
							millis);
			}
			MDC.remove(RequestIds.MDC_KEY);
		}
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
	}

	/**
	 * Requests the container refuses before any filter (TRACE, say) reach us only here.
	 */
	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

}
