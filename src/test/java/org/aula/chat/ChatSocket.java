package org.aula.chat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real WebSocket client of {@code /ws/chat} (the JDK's), collecting the frames it
 * receives. A paused socket stops asking for frames, so the JDK stops reading from the
 * connection and the server's writes back up, as with a slow client.
 */
final class ChatSocket implements AutoCloseable {

	static final Duration WAIT = Duration.ofSeconds(10);

	private static final JsonMapper JSON = JsonMapper.shared();

	private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();

	private final CompletableFuture<Integer> closed = new CompletableFuture<>();

	private final WebSocket socket;

	private volatile boolean paused;

	private ChatSocket(URI uri) {
		this.socket = HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.connectTimeout(WAIT)
			.buildAsync(uri, new Listener())
			.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS)
			.join();
	}

	static ChatSocket open(int port, String ticket) {
		return new ChatSocket(URI.create("ws://127.0.0.1:" + port + "/ws/chat?ticket=" + ticket));
	}

	void pause() {
		this.paused = true;
	}

	ChatSocket send(String frame) {
		this.socket.sendText(frame, true).orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
		return this;
	}

	ChatSocket subscribe(Object roomId) {
		send("{\"type\":\"subscribe\",\"roomId\":\"%s\"}".formatted(roomId));
		next((frame) -> "subscribed".equals(type(frame)) && roomId.toString().equals(frame.path("roomId").asString()));
		return this;
	}

	JsonNode sendMessage(Object roomId, String clientMessageId, String body) {
		send(JSON.writeValueAsString(java.util.Map.of("type", "send", "roomId", roomId.toString(), "clientMessageId",
				clientMessageId, "body", body)));
		return next((frame) -> ("ack".equals(type(frame)) || "error".equals(type(frame)))
				&& (!frame.has("clientMessageId") || clientMessageId.equals(frame.path("clientMessageId").asString())));
	}

	/** The next frame matching {@code wanted}; frames before it are dropped. */
	JsonNode next(Predicate<JsonNode> wanted) {
		long deadline = System.nanoTime() + WAIT.toNanos();
		try {
			while (true) {
				JsonNode frame = this.frames.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
				if (frame == null) {
					throw new AssertionError("No matching frame within " + WAIT);
				}
				if (wanted.test(frame)) {
					return frame;
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	JsonNode next(String type) {
		return next((frame) -> type.equals(type(frame)));
	}

	/** The seqs of the next {@code count} message frames of the room. */
	List<Long> messageSeqs(Object roomId, int count) {
		List<Long> seqs = new ArrayList<>();
		while (seqs.size() < count) {
			JsonNode frame = next((candidate) -> "message".equals(type(candidate))
					&& roomId.toString().equals(candidate.path("message").path("roomId").asString()));
			seqs.add(frame.path("message").path("seq").asLong());
		}
		return seqs;
	}

	/**
	 * The seqs of the room's next message frames, up to {@code count}, fewer if the
	 * server closes the socket first (as it does with a client that falls behind).
	 */
	List<Long> messageSeqsUntilClosed(Object roomId, int count) {
		List<Long> seqs = new ArrayList<>();
		long deadline = System.nanoTime() + WAIT.toNanos();
		try {
			while (seqs.size() < count) {
				JsonNode frame = this.frames.poll(100, TimeUnit.MILLISECONDS);
				if (frame == null) {
					if (isClosed()) {
						return seqs;
					}
					if (System.nanoTime() > deadline) {
						throw new AssertionError("Only " + seqs.size() + " of " + count + " messages within " + WAIT);
					}
				}
				else if ("message".equals(type(frame))
						&& roomId.toString().equals(frame.path("message").path("roomId").asString())) {
					seqs.add(frame.path("message").path("seq").asLong());
				}
			}
			return seqs;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	/** Frames received and not yet taken. */
	List<JsonNode> drain() {
		List<JsonNode> drained = new ArrayList<>();
		this.frames.drainTo(drained);
		return drained;
	}

	/** The close code the server sent, waiting for it. */
	int closeCode() {
		return this.closed.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
	}

	boolean isClosed() {
		return this.closed.isDone() || this.socket.isInputClosed();
	}

	/** Drops the connection without a close handshake, as a lost network does. */
	void abort() {
		this.socket.abort();
	}

	@Override
	public void close() {
		if (!this.socket.isOutputClosed()) {
			this.socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
		}
		this.socket.abort();
	}

	static String type(JsonNode frame) {
		return frame.path("type").asString();
	}

	private final class Listener implements WebSocket.Listener {

		private final StringBuilder partial = new StringBuilder();

		@Override
		public void onOpen(WebSocket webSocket) {
			webSocket.request(1);
		}

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			this.partial.append(data);
			if (last) {
				ChatSocket.this.frames.add(JSON.readTree(this.partial.toString()));
				this.partial.setLength(0);
			}
			if (!ChatSocket.this.paused) {
				webSocket.request(1);
			}
			return null;
		}

		@Override
		public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			ChatSocket.this.closed.complete(statusCode);
			return null;
		}

		@Override
		public void onError(WebSocket webSocket, Throwable error) {
			ChatSocket.this.closed.complete(-1);
		}

	}

}
