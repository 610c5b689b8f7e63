package org.aula.platform.web;

import java.io.IOException;
import java.net.URI;
import java.sql.SQLTransientConnectionException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Component;

/**
 * Builds problem details the same way everywhere and writes them from places that run
 * before Spring MVC (servlet filters, the security chain), where no message converter is
 * at hand.
 */
@Component
public class ProblemResponses {

	private final JsonMapper json;

	public ProblemResponses(JsonMapper json) {
		this.json = json;
	}

	/**
	 * A problem with Aula's conventions: stable type, the request path as
	 * {@code instance} and the request id as an extension member.
	 */
	public static ProblemDetail problem(HttpStatus status, URI type, String detail, HttpServletRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type);
		return decorate(problem, request);
	}

	/**
	 * Seconds a client should wait before retrying when no database connection was free.
	 */
	public static final String DATABASE_RETRY_AFTER_SECONDS = "2";

	/**
	 * Whether the failure is a database connection that could not be had in time: every
	 * pooled connection busy, or the database away. The request did nothing and may be
	 * retried, so it is a 503, never a 500.
	 */
	public static boolean isDatabaseUnavailable(Throwable ex) {
		return causedBy(ex, CannotGetJdbcConnectionException.class)
				|| causedBy(ex, SQLTransientConnectionException.class);
	}

	/** The 503 problem for {@link #isDatabaseUnavailable}. */
	public static ProblemDetail databaseUnavailable(HttpServletRequest request) {
		return problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.SERVICE_UNAVAILABLE,
				"Aula is busy or its database is unavailable. Try again shortly.", request);
	}

	static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

	static ProblemDetail decorate(ProblemDetail problem, HttpServletRequest request) {
		if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
			problem.setType(ProblemTypes.forStatus(HttpStatus.valueOf(problem.getStatus())));
		}
		if (problem.getTitle() == null) {
			HttpStatus status = HttpStatus.resolve(problem.getStatus());
			problem.setTitle((status != null) ? status.getReasonPhrase() : "Error");
		}
		if (problem.getDetail() == null) {
			problem.setDetail(problem.getTitle());
		}
		if (request != null) {
			problem.setInstance(URI.create(safePath(request.getRequestURI())));
			Object requestId = request.getAttribute(RequestIdFilter.ATTRIBUTE);
			if (requestId != null) {
				problem.setProperty("requestId", requestId);
			}
		}
		return problem;
	}

	public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
		if (response.isCommitted()) {
			return;
		}
		response.resetBuffer();
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getOutputStream().write(this.json.writeValueAsBytes(asMap(problem)));
		response.flushBuffer();
	}

	private static Map<String, Object> asMap(ProblemDetail problem) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", problem.getType().toString());
		body.put("title", problem.getTitle());
		body.put("status", problem.getStatus());
		body.put("detail", problem.getDetail());
		if (problem.getInstance() != null) {
			body.put("instance", problem.getInstance().toString());
		}
		if (problem.getProperties() != null) {
			problem.getProperties().forEach(body::putIfAbsent);
		}
		return body;
	}

	/** A request path is user input: keep it a valid relative URI whatever was sent. */
	private static String safePath(String path) {
		if (path == null || path.isEmpty()) {
			return "/";
		}
		StringBuilder safe = new StringBuilder(Math.min(path.length(), 512));
		for (int i = 0; i < path.length() && safe.length() < 512; i++) {
			char c = path.charAt(i);
			boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
					|| "/-._~%!$&'()*+,;=:@".indexOf(c) >= 0;
			safe.append(allowed ? String.valueOf(c) : "%" + String.format("%02X", (int) c & 0xFF));
		}
		return safe.toString();
	}

}
