package org.aula.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP client for tests that go through the whole server: sockets, filters,
 * security chain and all. It sends exactly what a test writes, malformed bodies included.
 */
public final class HttpApi {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final String baseUrl;

	public HttpApi(int port) {
		this("http://127.0.0.1:" + port);
	}

	public HttpApi(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	/**
	 * Sends bytes exactly as given over a fresh socket, for requests no well-behaved
	 * client would send (undecodable URLs, oversized headers, TRACE).
	 * @param rawRequest the whole request, CRLF line ends included
	 * @return status and the rest of the response as text
	 */
	public RawResponse raw(String rawRequest) {
		URI uri = URI.create(this.baseUrl);
		try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream().write(rawRequest.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
			socket.getOutputStream().flush();
			String text = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
			int status = Integer.parseInt(text.substring(9, 12));
			return new RawResponse(status, text);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Raw HTTP call failed: " + ex.getMessage(), ex);
		}
	}

	public HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(this.baseUrl + path)).timeout(Duration.ofSeconds(30));
	}

	public Response get(String path, String... headers) {
		HttpRequest.Builder builder = request(path).GET();
		if (headers.length > 0) {
			builder.headers(headers);
		}
		return send(builder);
	}

	public Response postJson(String path, String json, String... headers) {
		HttpRequest.Builder builder = request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		if (headers.length > 0) {
			builder.headers(headers);
		}
		return send(builder);
	}

	/**
	 * A POST of one file as the multipart field {@code file}, the way a browser uploads
	 * it; add headers (a token) before sending.
	 */
	public HttpRequest.Builder fileUpload(String path, String fileName, byte[] content) {
		String boundary = "aula-test-" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
	}

	public Response send(HttpRequest.Builder builder) {
		try {
			HttpResponse<String> response = this.client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers(), response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException("HTTP call failed: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A raw response.
	 *
	 * @param status the status code
	 * @param text status line, headers and body
	 */
	public record RawResponse(int status, String text) {

		public String header(String name) {
			for (String line : this.text.split("\r\n")) {
				if (line.isEmpty()) {
					break;
				}
				int colon = line.indexOf(':');
				if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
					return line.substring(colon + 1).trim();
				}
			}
			return null;
		}

		public String body() {
			int start = this.text.indexOf("\r\n\r\n");
			return (start >= 0) ? this.text.substring(start + 4) : "";
		}

	}

	/**
	 * What came back.
	 *
	 * @param status the status code
	 * @param headers the response headers
	 * @param body the body as text
	 */
	public record Response(int status, HttpHeaders headers, String body) {

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

		public String header(String name) {
			return this.headers.firstValue(name).orElse(null);
		}

		public String contentType() {
			return header("Content-Type");
		}

	}

}
