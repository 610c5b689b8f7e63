package org.aula.chat;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import org.aula.identity.Caller;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * One chat socket. Everything it sends goes through a bounded queue drained by one
 * virtual thread, so a slow client never blocks the threads that broadcast or handle
 * frames: when its queue is full, it is cut off (close code 4000) and must resume.
 * <p>
 * The writer keeps, per subscribed room, the last seq it sent. A message at or below it
 * is a duplicate and skipped; one beyond the next expected seq means broadcasts were
 * lost, and the missing messages are read from the database first. So a socket delivers
 * each room's messages once, in order, without gaps.
 */
final class ChatConnection {

	static final CloseStatus SLOW_CONSUMER = new CloseStatus(4000, "slow consumer: resume from your last seq");

	private static final Logger logger = LoggerFactory.getLogger(ChatConnection.class);

	private static final int CATCH_UP_PAGE = 500;

	private final WebSocketSession session;

	private final Caller member;

	private final ChatHub hub;

	private final BlockingQueue<Task> queue;

	private final Set<UUID> rooms = ConcurrentHashMap.newKeySet();

	/** Touched by the writer thread only. */
	private final Map<UUID, Long> sentUpTo = new HashMap<>();

	private final AtomicBoolean closing = new AtomicBoolean();

	private final Map<UUID, Long> lastTyping = new ConcurrentHashMap<>();

	private @Nullable Thread writer;

	/**
	 * The parts of a frame received so far; touched by the container's reading thread
	 * only.
	 */
	private @Nullable StringBuilder partial;

	ChatConnection(WebSocketSession session, Caller member, ChatHub hub, int queueLimit) {
		this.session = session;
		this.member = member;
		this.hub = hub;
		// linked, not array-backed: an idle socket must not hold an array of queueLimit
		// slots
		this.queue = new LinkedBlockingQueue<>(queueLimit);
	}

	sealed interface Task {

	}

	/** A frame to send as it is. */
	record Frame(String text) implements Task {
	}

	/** A room's message, in its seq order. */
	record Live(UUID roomId, long seq, String text) implements Task {
	}

	/**
	 * Starts sending a room: what follows {@code afterSeq} from the database, or, without
	 * it, only what is sent from now on.
	 */
	record Resume(UUID roomId, @Nullable Long afterSeq) implements Task {
	}

	/** The room's latest seq is {@code lastSeq}: send what this socket has missed. */
	record CatchUp(UUID roomId, long lastSeq) implements Task {
	}

	record Close(CloseStatus status) implements Task {
	}

	/**
	 * Joins the parts of a frame.
	 * @param part the part received
	 * @param last whether it ends the frame
	 * @param maxChars the largest frame allowed
	 * @return the whole frame once its last part arrived, else {@code null}; a frame
	 * larger than {@code maxChars} closes the socket with 1009
	 */
	@Nullable String assemble(String part, boolean last, int maxChars) {
		if (this.partial == null && last) {
			return tooBig(part.length(), maxChars) ? null : part;
		}
		if (this.partial == null) {
			this.partial = new StringBuilder(part.length() * 2);
		}
		this.partial.append(part);
		if (tooBig(this.partial.length(), maxChars)) {
			this.partial = null;
			return null;
		}
		if (!last) {
			return null;
		}
		String whole = this.partial.toString();
		this.partial = null;
		return whole;
	}

	private boolean tooBig(int length, int maxChars) {
		if (length <= maxChars) {
			return false;
		}
		closeNow(CloseStatus.TOO_BIG_TO_PROCESS);
		return true;
	}

	/** Whether a typing event for the room may go out now; records it if so. */
	boolean mayAnnounceTyping(UUID roomId, java.time.Duration interval) {
		long now = System.nanoTime();
		Long last = this.lastTyping.get(roomId);
		if (last != null && now - last < interval.toNanos()) {
			return false;
		}
		this.lastTyping.put(roomId, now);
		return true;
	}

	Caller member() {
		return this.member;
	}

	String id() {
		return this.session.getId();
	}

	Set<UUID> rooms() {
		return this.rooms;
	}

	void start() {
		this.writer = Thread.ofVirtual().name("aula-chat-writer-" + this.session.getId()).start(this::write);
	}

	/**
	 * Queues a task; a socket whose queue is full is cut off.
	 * @return whether the task was queued
	 */
	boolean offer(Task task) {
		if (this.closing.get()) {
			return false;
		}
		if (this.queue.offer(task)) {
			return true;
		}
		this.hub.slowConsumer(this);
		closeNow(SLOW_CONSUMER);
		return false;
	}

	/** Sends the rest of the queue, then closes with {@code status}. */
	void closeAfterQueue(CloseStatus status) {
		if (!this.queue.offer(new Close(status))) {
			closeNow(status);
		}
	}

	/** Closes at once, dropping what is queued. */
	void closeNow(CloseStatus status) {
		if (!this.closing.compareAndSet(false, true)) {
			return;
		}
		this.queue.clear();
		if (this.writer != null) {
			this.writer.interrupt();
		}
		// A close frame waits for a write in progress; never make the caller wait for it.
		Thread.ofVirtual().start(() -> {
			try {
				this.session.close(status);
			}
			catch (IOException | RuntimeException ex) {
				logger.debug("Closing chat socket {} failed", this.session.getId(), ex);
			}
		});
	}

	boolean isOpen() {
		return !this.closing.get() && this.session.isOpen();
	}

	private void write() {
		try {
			while (!this.closing.get()) {
				Task task = this.queue.take();
				switch (task) {
					case Frame frame -> send(frame.text());
					case Live live -> sendInOrder(live);
					case Resume resume -> resume(resume);
					case CatchUp catchUp -> catchUp(catchUp);
					case Close close -> {
						closeNow(close.status());
						return;
					}
				}
			}
		}
		catch (InterruptedException ex) {
			// closing
		}
		catch (IOException ex) {
			// a write that blocked past the send time limit, or a broken connection
			logger.debug("Chat socket {} failed: {}", this.session.getId(), ex.getMessage());
			if (!this.closing.get()) {
				this.hub.slowConsumer(this);
				closeNow(SLOW_CONSUMER);
			}
		}
		catch (RuntimeException ex) {
			// e.g. the database failed while filling a gap: the client resumes
			logger.debug("Chat socket {} failed: {}", this.session.getId(), ex.getMessage());
			closeNow(CloseStatus.SERVER_ERROR);
		}
	}

	private void sendInOrder(Live live) throws IOException {
		Long sent = this.sentUpTo.get(live.roomId());
		if (sent == null || live.seq() <= sent || !this.rooms.contains(live.roomId())) {
			return;
		}
		if (live.seq() > sent + 1) {
			fill(live.roomId(), sent, live.seq());
		}
		send(live.text());
		this.sentUpTo.put(live.roomId(), live.seq());
	}

	private void resume(Resume resume) throws IOException {
		if (resume.afterSeq() == null) {
			this.sentUpTo.put(resume.roomId(), this.hub.lastSeq(resume.roomId()));
			return;
		}
		this.sentUpTo.put(resume.roomId(), resume.afterSeq());
		fill(resume.roomId(), resume.afterSeq(), Long.MAX_VALUE);
	}

	private void catchUp(CatchUp catchUp) throws IOException {
		Long sent = this.sentUpTo.get(catchUp.roomId());
		if (sent != null && sent < catchUp.lastSeq()) {
			fill(catchUp.roomId(), sent, catchUp.lastSeq() + 1);
		}
	}

	/** Sends the stored messages with {@code after < seq < before}, in order. */
	private void fill(UUID roomId, long after, long before) throws IOException {
		long from = after;
		while (true) {
			List<ChatMessage> page = this.hub.storedAfter(roomId, from, before, CATCH_UP_PAGE);
			for (ChatMessage message : page) {
				send(this.hub.messageFrame(message));
				from = message.seq();
				this.sentUpTo.put(roomId, from);
			}
			if (page.size() < CATCH_UP_PAGE) {
				return;
			}
		}
	}

	private void send(String text) throws IOException {
		if (this.session.isOpen()) {
			this.session.sendMessage(new TextMessage(text));
			this.hub.sent();
		}
	}

}
