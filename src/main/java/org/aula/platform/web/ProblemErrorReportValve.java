package org.aula.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat answers some requests itself, before any filter runs: an undecodable URL,
 * oversized headers, TRACE. This replaces its HTML error page with the same problem JSON
 * and headers every other error gets, so a client never sees a server page or version.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		String requestId = (response.getHeader(RequestIds.HEADER) != null) ? response.getHeader(RequestIds.HEADER)
				: UUID.randomUUID().toString();
		response.setHeader(RequestIds.HEADER, requestId);
		SecurityHeadersFilter.writeHeaders(response, request.isSecure(), false);
		org.springframework.http.HttpStatus resolved = org.springframework.http.HttpStatus.resolve(status);
		String title = (resolved != null) ? resolved.getReasonPhrase() : "Error";
		String type = ProblemTypes.forStatus(org.springframework.http.HttpStatusCode.valueOf(status)).toString();
		String body = "{\"type\":\"%s\",\"title\":\"%s\",\"status\":%d,\"detail\":\"%s\",\"requestId\":\"%s\"}"
			.formatted(type, title, status, (status >= 500) ? "Something went wrong on our side." : title, requestId);
		try {
			response.setContentType("application/problem+json");
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(body);
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// The client is gone or the response is already committed: nothing more to
			// say.
		}
	}

}
