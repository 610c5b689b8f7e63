package org.aula.platform.web;

import java.io.IOException;
import java.io.PrintWriter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Some components answer an error with a status and no body (actuator's unknown health
 * groups, for one). Clients are promised a problem for every error, so one is written
 * here when an error status leaves the application with nothing written.
 */
class EmptyErrorBodyFilter extends OncePerRequestFilter {

	private final ProblemResponses problems;

	EmptyErrorBodyFilter(ProblemResponses problems) {
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		BodyWatcher watched = new BodyWatcher(response);
		chain.doFilter(request, watched);
		int status = watched.getStatus();
		if (status >= 400 && !watched.bodyStarted && !response.isCommitted() && !"HEAD".equals(request.getMethod())
				&& request.getAttribute("jakarta.servlet.error.status_code") == null) {
			HttpStatus resolved = HttpStatus.resolve(status);
			if (resolved != null) {
				this.problems.write(response, ProblemResponses.problem(resolved, ProblemTypes.forStatus(resolved),
						resolved.getReasonPhrase(), request));
			}
		}
	}

	private static final class BodyWatcher extends HttpServletResponseWrapper {

		private boolean bodyStarted;

		BodyWatcher(HttpServletResponse response) {
			super(response);
		}

		@Override
		public ServletOutputStream getOutputStream() throws IOException {
			this.bodyStarted = true;
			return super.getOutputStream();
		}

		@Override
		public PrintWriter getWriter() throws IOException {
			this.bodyStarted = true;
			return super.getWriter();
		}

		@Override
		public void sendError(int sc) throws IOException {
			this.bodyStarted = true;
			super.sendError(sc);
		}

		@Override
		public void sendError(int sc, String msg) throws IOException {
			this.bodyStarted = true;
			super.sendError(sc, msg);
		}

	}

}
