package org.aula.chat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import org.aula.identity.Caller;
import org.aula.testsupport.TestTokens;

/**
 * Chat fan-out under load, against Aula instances running as their own processes
 * ({@code scripts/bench-chat} starts them): sockets in course rooms of {@code room-size}
 * members, a few members of each room sending at a fixed total rate, every member
 * receiving. Reports delivery latency (from the moment a message was due to be sent to
 * its arrival at each member, so a client or server falling behind shows as latency),
 * loss and duplicates per seq per room per socket, delivered messages per second, each
 * instance's resident memory and its CPU time per delivery, read from {@code /proc}.
 * <p>
 * With rate 0 the sockets only stay open, pinging as idle clients do, which measures what
 * idle sockets cost.
 * <p>
 * The client is kept cheap per frame, since it shares the cores with the instances: one
 * JDK WebSocket client per selector thread with a small shared executor, unlimited
 * demand, and frames read with {@code indexOf} instead of a JSON parser.
 * <p>
 * Run: {@code ./mvnw -B -Pbench test-compile exec:exec
 * -Dbench.main=org.aula.chat.ChatLoadBenchmark -Dbench.args="--ports 8091 --pids 1234
 * --database jdbc:postgresql://127.0.0.1:5432/aula_chat_bench --sockets 1000 --rate 300"}
 */
public final class ChatLoadBenchmark {

	private static final long ORIGIN = System.nanoTime();

	private static final String PADDING = "x".repeat(48);

	private final Options options;

	private final List<HttpClient> clients = new ArrayList<>();

	private final ExecutorService executor;

	private final List<Room> rooms = new ArrayList<>();

	private final List<Caller> members = new ArrayList<>();

	private final List<Caller> senders = new ArrayList<>();

	/** 0 warm-up, 1 measured, 2 draining. */
	private volatile int phase;

	private final LongAdder windowDeliveries = new LongAdder();

	private final LongAdder errors = new LongAdder();

	private final AtomicLong acked = new AtomicLong();

	private final AtomicLong measuredSent = new AtomicLong();

	private final Map<String, AtomicInteger> closes = new ConcurrentHashMap<>();

	private final Samples latencies = new Samples();

	private final Samples ackLatencies = new Samples();

	private final AtomicLong maxSendLag = new AtomicLong();

	private ChatLoadBenchmark(Options options) {
		this.options = options;
		this.executor = Executors.newFixedThreadPool(options.executorThreads, (task) -> {
			Thread thread = new Thread(task, "bench-ws");
			thread.setDaemon(true);
			return thread;
		});
		for (int i = 0; i < options.httpClients; i++) {
			this.clients.add(HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_1_1)
				.executor(this.executor)
				.connectTimeout(Duration.ofSeconds(10))
				.build());
		}
	}

	public static void main(String[] args) throws Exception {
		Options options = Options.parse(args);
		ChatLoadBenchmark benchmark = new ChatLoadBenchmark(options);
		int exit = 0;
		try {
			benchmark.run();
		}
		catch (RuntimeException ex) {
			ex.printStackTrace();
			exit = 1;
		}
		System.exit(exit);
	}

	private void run() throws Exception {
		Options o = this.options;
		System.out.printf(
				"chat load: %d sockets on port(s) %s, rooms of %d, %d senders per room, %d msg/s, "
						+ "%d s warm-up, %d s measured, %d cores%n",
				o.sockets, o.ports, o.roomSize, o.sendersPerRoom, o.rate, o.warmup, o.seconds,
				Runtime.getRuntime().availableProcessors());
		seed();
		List<Long> rssBefore = rss();
		ScheduledExecutorService pinger = Executors.newSingleThreadScheduledExecutor();
		AtomicInteger tick = new AtomicInteger();
		// Idle clients ping every 25 s, well inside the server's idle timeout; pinging
		// starts before the sockets open, since opening thousands takes longer than that.
		pinger.scheduleAtFixedRate(() -> {
			int slice = tick.getAndIncrement() % 25;
			for (Caller member : this.members) {
				if (member.index % 25 == slice) {
					member.send("{\"type\":\"ping\"}");
				}
			}
		}, 1, 1, TimeUnit.SECONDS);
		long opening = System.nanoTime();
		open();
		System.out.printf("opened and subscribed %d sockets in %.1f s%n", this.members.size(),
				(System.nanoTime() - opening) / 1e9);

		this.phase = 0;
		long warmupEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(o.warmup);
		long k = sendUntil(0, warmupEnd);
		if (!o.jfr.isEmpty()) {
			// A profile of the measured window, with the JDK's own low-overhead sampling.
			String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
			for (long pid : o.pids) {
				System.out.print(run(jcmd, Long.toString(pid), "JFR.start", "settings=profile",
						"duration=" + o.seconds + "s", "filename=" + o.jfr + "-" + pid + ".jfr"));
			}
		}
		long[] cpuStart = cpu();
		long[] machineStart = machineCpu();
		long clientCpuStart = ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
		long windowStart = System.nanoTime();
		this.phase = 1;
		long windowEnd = windowStart + TimeUnit.SECONDS.toNanos(o.seconds);
		sendUntil(k, windowEnd);
		this.phase = 2;
		long windowNanos = System.nanoTime() - windowStart;
		long[] cpuEnd = cpu();
		long[] machineEnd = machineCpu();
		long clientCpuEnd = ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
		List<Long> rssDuring = rss();
		long deliveries = this.windowDeliveries.sum();

		// Drain: every acknowledged message of the window should reach every member.
		long drainDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(o.drain);
		long loss;
		while (true) {
			loss = loss();
			if ((loss == 0 && this.acked.get() >= this.measuredSent.get()) || System.nanoTime() > drainDeadline) {
				break;
			}
			Thread.sleep(200);
		}
		if (o.rate == 0) {
			afterFullGc();
		}
		pinger.shutdownNow();
		report(rssBefore, rssDuring, cpuStart, cpuEnd, machineStart, machineEnd, clientCpuEnd - clientCpuStart,
				windowNanos, deliveries, loss);
		for (Caller member : this.members) {
			if (member.socket != null) {
				member.socket.abort();
			}
		}
	}

	/** Users, courses and enrolments, straight into the database Flyway has migrated. */
	private void seed() throws SQLException {
		Options o = this.options;
		int roomCount = (o.sockets + o.roomSize - 1) / o.roomSize;
		String run = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
		Timestamp now = Timestamp.from(Instant.now());
		try (Connection db = DriverManager.getConnection(o.database, "postgres", "")) {
			db.setAutoCommit(false);
			try (PreparedStatement users = db
				.prepareStatement("INSERT INTO users (id, email, full_name, role, active, registered, created_at)"
						+ " VALUES (?, ?, ?, ?, TRUE, TRUE, ?)");
					PreparedStatement courses = db.prepareStatement(
							"INSERT INTO courses (id, code, title, description, teacher_id, price, currency,"
									+ " published, created_at, updated_at)"
									+ " VALUES (?, ?, ?, 'Chat load', ?, ?, 'USD', TRUE, ?, ?)");
					PreparedStatement enrolments = db
						.prepareStatement("INSERT INTO enrolments (id, student_id, course_id, status, source,"
								+ " created_at) VALUES (?, ?, ?, 'ACTIVE', 'FREE', ?)")) {
				for (int r = 0; r < roomCount; r++) {
					UUID teacher = UUID.randomUUID();
					addUser(users, teacher, "TEACHER", now);
					UUID course = UUID.randomUUID();
					courses.setObject(1, course);
					courses.setString(2, run + "-" + r);
					courses.setString(3, "Chat load room " + r);
					courses.setObject(4, teacher);
					courses.setBigDecimal(5, BigDecimal.ZERO);
					courses.setTimestamp(6, now);
					courses.setTimestamp(7, now);
					courses.addBatch();
					this.rooms.add(new Room(course));
				}
				users.executeBatch();
				courses.executeBatch();
				for (int i = 0; i < o.sockets; i++) {
					Room room = this.rooms.get(i / o.roomSize);
					UUID student = UUID.randomUUID();
					addUser(users, student, "STUDENT", now);
					enrolments.setObject(1, UUID.randomUUID());
					enrolments.setObject(2, student);
					enrolments.setObject(3, room.id);
					enrolments.setTimestamp(4, now);
					enrolments.addBatch();
					int port = o.ports.get(i % o.ports.size());
					Caller member = new Caller(i, student, room, port, this.clients.get(i % this.clients.size()));
					room.members++;
					this.members.add(member);
					if (i % 1000 == 999) {
						users.executeBatch();
						enrolments.executeBatch();
					}
				}
				users.executeBatch();
				enrolments.executeBatch();
			}
			db.commit();
		}
		// Senders: the first members of each room that sit on the first instance, taken
		// room by room in turn so that every room gets the same share of the rate.
		List<List<Caller>> perRoom = new ArrayList<>();
		for (Room room : this.rooms) {
			perRoom.add(this.members.stream()
				.filter((m) -> m.room == room && m.port == o.ports.get(0))
				.limit(o.sendersPerRoom)
				.toList());
		}
		for (int s = 0; s < o.sendersPerRoom; s++) {
			for (List<Caller> candidates : perRoom) {
				if (s < candidates.size()) {
					this.senders.add(candidates.get(s));
				}
			}
		}
	}

	private static void addUser(PreparedStatement users, UUID id, String role, Timestamp now) throws SQLException {
		users.setObject(1, id);
		users.setString(2, id + "@bench.aula");
		users.setString(3, role + " " + id.toString().substring(0, 8));
		users.setString(4, role);
		users.setTimestamp(5, now);
		users.addBatch();
	}

	/** A ticket per member, then its socket, subscribed to its room; a few at a time. */
	private void open() throws InterruptedException {
		Semaphore inFlight = new Semaphore(this.options.openConcurrency);
		List<CompletableFuture<Void>> opened = new ArrayList<>();
		AtomicInteger failures = new AtomicInteger();
		for (Caller member : this.members) {
			inFlight.acquire();
			CompletableFuture<Void> done = member.open().whenComplete((ignored, failure) -> {
				inFlight.release();
				if (failure != null && failures.incrementAndGet() <= 5) {
					System.out.printf("socket %d failed to open: %s%n", member.index, failure);
				}
			});
			opened.add(done);
		}
		for (CompletableFuture<Void> done : opened) {
			try {
				done.get(60, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				// counted above
			}
		}
		if (failures.get() > 0) {
			System.out.printf("%d of %d sockets could not be opened%n", failures.get(), this.members.size());
		}
	}

	/**
	 * Sends at the fixed rate from message {@code k} until {@code end}; returns the next
	 * k.
	 */
	private long sendUntil(long k, long end) {
		if (this.options.rate == 0 || this.senders.isEmpty()) {
			LockSupport.parkNanos(end - System.nanoTime());
			return k;
		}
		long interval = 1_000_000_000L / this.options.rate;
		long start = System.nanoTime() - k * interval;
		int phase = this.phase;
		while (true) {
			long due = start + k * interval;
			if (due >= end) {
				return k;
			}
			long wait = due - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
			}
			long lag = System.nanoTime() - due;
			if (phase == 1) {
				this.maxSendLag.accumulateAndGet(lag, Math::max);
				this.measuredSent.incrementAndGet();
			}
			Caller sender = this.senders.get((int) (k % this.senders.size()));
			long at = due - ORIGIN;
			char marker = (phase == 1) ? 'm' : 'w';
			// The due time travels in the body (for receivers) and in the client message
			// id (for the ack).
			sender.send("{\"type\":\"send\",\"roomId\":\"" + sender.room.id + "\",\"clientMessageId\":\"" + marker + "-"
					+ sender.index + "-" + at + "\",\"body\":\"" + marker + ":" + at + ":" + PADDING + "\"}");
			k++;
		}
	}

	/**
	 * Acknowledged messages of the window that a member of their room has not received.
	 */
	private long loss() {
		long loss = 0;
		for (Caller member : this.members) {
			BitSet expected;
			synchronized (member.room) {
				expected = (BitSet) member.room.measured.clone();
			}
			synchronized (member) {
				expected.andNot(member.seen);
			}
			loss += expected.cardinality();
		}
		return loss;
	}

	private void report(List<Long> rssBefore, List<Long> rssDuring, long[] cpuStart, long[] cpuEnd, long[] machineStart,
			long[] machineEnd, long clientCpuNanos, long windowNanos, long deliveries, long loss) {
		Options o = this.options;
		double seconds = windowNanos / 1e9;
		long tick = 1_000_000_000L / o.clockTicks;
		long serverCpuNanos = 0;
		for (int i = 0; i < cpuStart.length; i++) {
			serverCpuNanos += (cpuEnd[i] - cpuStart[i]) * tick;
		}
		long duplicates = 0;
		Map<Integer, Integer> open = new HashMap<>();
		for (Caller member : this.members) {
			duplicates += member.duplicates;
			if (member.socket != null && !member.socket.isInputClosed()) {
				open.merge(member.port, 1, Integer::sum);
			}
		}
		long measuredMessages = this.rooms.stream().mapToLong((room) -> {
			synchronized (room) {
				return room.measured.cardinality();
			}
		}).sum();
		long[] lat = this.latencies.sorted();
		long[] ack = this.ackLatencies.sorted();
		double busy = 1 - (double) (machineEnd[1] - machineStart[1]) / Math.max(1, machineEnd[0] - machineStart[0]);
		System.out.println();
		for (int i = 0; i < o.ports.size(); i++) {
			System.out.printf(
					"instance %d (port %d, pid %d): %d sockets open, RSS %d MB before the sockets, %d MB "
							+ "at the end of the window, CPU %.1f s in the window%n",
					i + 1, o.ports.get(i), o.pids.get(i), open.getOrDefault(o.ports.get(i), 0), rssBefore.get(i) / 1024,
					rssDuring.get(i) / 1024, (cpuEnd[i] - cpuStart[i]) * tick / 1e9);
		}
		System.out.printf("sent in the window: %d (acknowledged %d, %d error frames), max send lag %.1f ms%n",
				this.measuredSent.get(), measuredMessages, this.errors.sum(), this.maxSendLag.get() / 1e6);
		System.out.printf(
				"deliveries in the window: %d = %.0f/s; expected per acked message x room members: "
						+ "%d; not received %d s after the window (lost) %d; duplicates %d%n",
				deliveries, deliveries / seconds, expected(), o.drain, loss, duplicates);
		System.out.printf("delivery latency (due -> received): p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms "
				+ "(%d samples)%n", pct(lat, 50), pct(lat, 99), pct(lat, 99.9), pct(lat, 100), lat.length);
		System.out.printf("ack latency (due -> ack, i.e. stored): p50 %.1f ms, p99 %.1f ms%n", pct(ack, 50),
				pct(ack, 99));
		System.out.printf(
				"server CPU %.1f s = %.1f us per delivery; client CPU %.1f s; machine busy %.0f %% of %d " + "cores%n",
				serverCpuNanos / 1e9, (deliveries > 0) ? serverCpuNanos / 1e3 / deliveries : 0.0, clientCpuNanos / 1e9,
				busy * 100, Runtime.getRuntime().availableProcessors());
		if (!this.closes.isEmpty()) {
			System.out.printf("sockets closed by the server or failed: %s%n", this.closes);
		}
		StringBuilder rss = new StringBuilder();
		StringBuilder held = new StringBuilder();
		for (int i = 0; i < o.ports.size(); i++) {
			rss.append((i > 0) ? " + " : "").append(rssDuring.get(i) / 1024);
			held.append((i > 0) ? " + " : "").append(open.getOrDefault(o.ports.get(i), 0));
		}
		System.out.printf("ROW | %d | %s | %d | %.0f | %.1f | %.1f | %d | %d | %.1f | %s |%n", o.ports.size(), held,
				o.rate, deliveries / seconds, pct(lat, 50), pct(lat, 99), loss, duplicates,
				(deliveries > 0) ? serverCpuNanos / 1e3 / deliveries : 0.0, rss);
	}

	private long expected() {
		long expected = 0;
		for (Room room : this.rooms) {
			synchronized (room) {
				expected += (long) room.measured.cardinality() * room.members;
			}
		}
		return expected;
	}

	private static double pct(long[] sorted, double percentile) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int index = (int) Math.min(sorted.length - 1, Math.ceil(percentile / 100 * sorted.length) - 1);
		return sorted[Math.max(0, index)] / 1e6;
	}

	/**
	 * What the sockets really hold: each instance's heap after a full GC, its RSS then,
	 * and the classes that take most of the heap.
	 */
	private void afterFullGc() throws IOException, InterruptedException {
		String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
		for (int i = 0; i < this.options.pids.size(); i++) {
			long pid = this.options.pids.get(i);
			run(jcmd, Long.toString(pid), "GC.run");
			String heap = run(jcmd, Long.toString(pid), "GC.heap_info");
			System.out.printf("instance pid %d after a full GC: RSS %d MB; heap:%n%s", pid, rss().get(i) / 1024,
					heap.lines().skip(1).limit(2).map((line) -> "  " + line.trim() + "\n").reduce("", String::concat));
			String histogram = run(jcmd, Long.toString(pid), "GC.class_histogram");
			System.out.println("  largest classes on the heap:");
			histogram.lines().skip(1).limit(14).forEach((line) -> System.out.println("  " + line.trim()));
		}
	}

	private static String run(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		process.waitFor();
		return output;
	}

	/** RSS of each instance in kB. */
	private List<Long> rss() throws IOException {
		List<Long> rss = new ArrayList<>();
		for (long pid : this.options.pids) {
			long kb = 0;
			for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
				if (line.startsWith("VmRSS:")) {
					kb = Long.parseLong(line.replaceAll("\\D", ""));
				}
			}
			rss.add(kb);
		}
		return rss;
	}

	/** utime + stime of each instance, in clock ticks. */
	private long[] cpu() throws IOException {
		long[] ticks = new long[this.options.pids.size()];
		for (int i = 0; i < ticks.length; i++) {
			String stat = Files.readString(Path.of("/proc/" + this.options.pids.get(i) + "/stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			ticks[i] = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
		}
		return ticks;
	}

	/** The machine's total and idle (+ iowait) CPU ticks. */
	private static long[] machineCpu() throws IOException {
		String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
		long total = 0;
		for (int i = 1; i < fields.length; i++) {
			total += Long.parseLong(fields[i]);
		}
		return new long[] { total, Long.parseLong(fields[4]) + Long.parseLong(fields[5]) };
	}

	private final class Caller implements WebSocket.Listener {

		final int index;

		final UUID userId;

		final Room room;

		final int port;

		final HttpClient http;

		/** Seqs of the room received; guarded by this. */
		final BitSet seen = new BitSet();

		long duplicates;

		volatile WebSocket socket;

		private CompletableFuture<WebSocket> sending;

		private final CompletableFuture<Void> subscribed = new CompletableFuture<>();

		private final StringBuilder partial = new StringBuilder();

		Caller(int index, UUID userId, Room room, int port, HttpClient http) {
			this.index = index;
			this.userId = userId;
			this.room = room;
			this.port = port;
			this.http = http;
		}

		CompletableFuture<Void> open() {
			String token = TestTokens.accessToken(this.userId, "STUDENT");
			HttpRequest ticket = HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/chat/ticket"))
				.header("Authorization", "Bearer " + token)
				.timeout(Duration.ofSeconds(30))
				.POST(HttpRequest.BodyPublishers.noBody())
				.build();
			return this.http.sendAsync(ticket, HttpResponse.BodyHandlers.ofString()).thenCompose((response) -> {
				if (response.statusCode() != 200) {
					throw new IllegalStateException("ticket: " + response.statusCode() + " " + response.body());
				}
				String body = response.body();
				int at = body.indexOf("\"ticket\":\"") + 10;
				String value = body.substring(at, body.indexOf('"', at));
				return this.http.newWebSocketBuilder()
					.connectTimeout(Duration.ofSeconds(30))
					.buildAsync(URI.create("ws://127.0.0.1:" + this.port + "/ws/chat?ticket=" + value), this);
			}).thenCompose((socket) -> {
				this.socket = socket;
				synchronized (this) {
					this.sending = socket.sendText("{\"type\":\"subscribe\",\"roomId\":\"" + this.room.id + "\"}",
							true);
				}
				return this.subscribed.orTimeout(30, TimeUnit.SECONDS);
			});
		}

		/** Sends after whatever this socket is still sending (one send at a time). */
		void send(String frame) {
			synchronized (this) {
				if (this.sending == null) {
					return;
				}
				this.sending = this.sending.thenCompose((socket) -> socket.sendText(frame, true));
			}
		}

		@Override
		public void onOpen(WebSocket webSocket) {
			webSocket.request(Long.MAX_VALUE);
		}

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			if (!last) {
				this.partial.append(data);
				return null;
			}
			CharSequence frame = data;
			if (!this.partial.isEmpty()) {
				frame = this.partial.append(data).toString();
				this.partial.setLength(0);
			}
			long now = System.nanoTime() - ORIGIN;
			if (startsWith(frame, "{\"type\":\"message\"")) {
				message(frame, now);
			}
			else if (startsWith(frame, "{\"type\":\"ack\"")) {
				ack(frame, now);
			}
			else if (startsWith(frame, "{\"type\":\"subscribed\"")) {
				this.subscribed.complete(null);
			}
			else if (startsWith(frame, "{\"type\":\"error\"")) {
				if (ChatLoadBenchmark.this.errors.sum() < 5) {
					System.out.println("error frame: " + frame);
				}
				ChatLoadBenchmark.this.errors.increment();
			}
			return null;
		}

		private void message(CharSequence frame, long now) {
			int seqAt = indexOf(frame, "\"seq\":", 0) + 6;
			long seq = number(frame, seqAt);
			int bodyAt = indexOf(frame, "\"body\":\"", seqAt) + 8;
			char marker = frame.charAt(bodyAt);
			long sentAt = number(frame, bodyAt + 2);
			synchronized (this) {
				if (this.seen.get((int) seq)) {
					this.duplicates++;
				}
				this.seen.set((int) seq);
			}
			if (ChatLoadBenchmark.this.phase == 1) {
				ChatLoadBenchmark.this.windowDeliveries.increment();
			}
			if (marker == 'm') {
				ChatLoadBenchmark.this.latencies.add(now - sentAt);
			}
		}

		private void ack(CharSequence frame, long now) {
			int idAt = indexOf(frame, "\"clientMessageId\":\"", 0) + 19;
			char marker = frame.charAt(idAt);
			int timeAt = indexOf(frame, "-", idAt + 2) + 1;
			long sentAt = number(frame, timeAt);
			long seq = number(frame, indexOf(frame, "\"seq\":", timeAt) + 6);
			if (marker == 'm') {
				synchronized (this.room) {
					this.room.measured.set((int) seq);
				}
				ChatLoadBenchmark.this.acked.incrementAndGet();
				ChatLoadBenchmark.this.ackLatencies.add(now - sentAt);
			}
		}

		@Override
		public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			ChatLoadBenchmark.this.closes
				.computeIfAbsent(statusCode + " " + reason.replaceAll("\\[\\w+\\]", "[..]"),
						(key) -> new AtomicInteger())
				.incrementAndGet();
			return null;
		}

		@Override
		public void onError(WebSocket webSocket, Throwable error) {
			ChatLoadBenchmark.this.closes.computeIfAbsent("error " + error, (key) -> new AtomicInteger())
				.incrementAndGet();
			this.subscribed.completeExceptionally(error);
		}

	}

	private static final class Room {

		final UUID id;

		int members;

		/** Seqs of the room's acknowledged messages of the window; guarded by this. */
		final BitSet measured = new BitSet();

		Room(UUID id) {
			this.id = id;
		}

	}

	/** Nanosecond samples, one growable array per recording thread, sorted at the end. */
	private static final class Samples {

		private final List<long[][]> all = new CopyOnWriteArrayList<>();

		private final List<int[]> sizes = new CopyOnWriteArrayList<>();

		private final ThreadLocal<Integer> slot = ThreadLocal.withInitial(() -> {
			synchronized (this) {
				this.all.add(new long[][] { new long[1 << 16] });
				this.sizes.add(new int[1]);
				return this.all.size() - 1;
			}
		});

		void add(long nanos) {
			int slot = this.slot.get();
			long[][] holder = this.all.get(slot);
			int[] size = this.sizes.get(slot);
			synchronized (holder) {
				if (size[0] == holder[0].length) {
					holder[0] = Arrays.copyOf(holder[0], holder[0].length * 2);
				}
				holder[0][size[0]++] = nanos;
			}
		}

		long[] sorted() {
			long[] merged = new long[0];
			for (int i = 0; i < this.all.size(); i++) {
				long[][] holder = this.all.get(i);
				synchronized (holder) {
					int size = this.sizes.get(i)[0];
					int from = merged.length;
					merged = Arrays.copyOf(merged, from + size);
					System.arraycopy(holder[0], 0, merged, from, size);
				}
			}
			Arrays.sort(merged);
			return merged;
		}

	}

	private static boolean startsWith(CharSequence text, String prefix) {
		if (text.length() < prefix.length()) {
			return false;
		}
		for (int i = 0; i < prefix.length(); i++) {
			if (text.charAt(i) != prefix.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	private static int indexOf(CharSequence text, String needle, int from) {
		outer: for (int i = from; i <= text.length() - needle.length(); i++) {
			for (int j = 0; j < needle.length(); j++) {
				if (text.charAt(i + j) != needle.charAt(j)) {
					continue outer;
				}
			}
			return i;
		}
		throw new IllegalArgumentException("no " + needle + " in " + text);
	}

	private static long number(CharSequence text, int from) {
		long value = 0;
		for (int i = from; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				break;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

	private record Options(List<Integer> ports, List<Long> pids, String database, int sockets, int roomSize,
			int sendersPerRoom, int rate, int warmup, int seconds, int drain, int clockTicks, int httpClients,
			int executorThreads, int openConcurrency, String jfr) {

		static Options parse(String[] args) {
			Map<String, String> values = new HashMap<>(Map.of("sockets", "1000", "room-size", "100", "senders-per-room",
					"10", "rate", "100", "warmup", "10", "seconds", "30", "drain", "30", "clock-ticks", "100",
					"http-clients", "2", "executor-threads", "2"));
			values.put("open-concurrency", "32");
			values.put("jfr", "");
			for (int i = 0; i + 1 < args.length; i += 2) {
				if (!args[i].startsWith("--")) {
					throw new IllegalArgumentException("expected --name value, got " + args[i]);
				}
				values.put(args[i].substring(2), args[i + 1]);
			}
			for (String required : List.of("ports", "pids", "database")) {
				if (!values.containsKey(required)) {
					throw new IllegalArgumentException("--" + required + " is required");
				}
			}
			return new Options(Arrays.stream(values.get("ports").split(",")).map(Integer::valueOf).toList(),
					Arrays.stream(values.get("pids").split(",")).map(Long::valueOf).toList(), values.get("database"),
					integer(values, "sockets"), integer(values, "room-size"), integer(values, "senders-per-room"),
					integer(values, "rate"), integer(values, "warmup"), integer(values, "seconds"),
					integer(values, "drain"), integer(values, "clock-ticks"), integer(values, "http-clients"),
					integer(values, "executor-threads"), integer(values, "open-concurrency"), values.get("jfr"));
		}

		private static int integer(Map<String, String> values, String name) {
			return Integer.parseInt(values.get(name));
		}

	}

}
