package org.aula.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.doSwitch;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.exitBlockOnFail;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.onCase;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;
import static io.gatling.javaapi.http.HttpDsl.ws;

/**
 * A day on Aula: each virtual user signs in as one of the generated students, then, until
 * the load shape lets it go, thinks for about a second and does one thing a student does:
 * browse or search the catalog, open a course, look at their courses, complete a lesson,
 * chat in a course room over one WebSocket kept for the session, look at their grades,
 * fetch the start of a lesson video, or enrol in another course. The access token is
 * refreshed shortly before it expires. Request names group the report by what was done.
 */
public final class AulaSimulation extends Simulation {

	static final String[] SEARCH_WORDS = { "Algebra", "Biology", "Chemistry", "History", "Programming", "Statistics",
			"Literature", "Physics", "Economics", "Design", "Music", "Philosophy" };

	private static final String ALREADY_ENROLLED = "urn:aula:problem:already-enrolled";

	private static final Duration CHAT_TIMEOUT = Duration.ofSeconds(10);

	/** Aula closes a chat socket silent for 60 s; clients ping every 20-30 s. */
	private static final long CHAT_PING_AFTER_MILLIS = 25_000;

	private final LoadSettings settings = LoadSettings.from(System.getProperties());

	private final LoadShape shape = this.settings.profile().shape(this.settings.peakUsers());

	private final AtomicLong startedAt = new AtomicLong();

	private final TargetSampler sampler = new TargetSampler(this.settings, this.shape);

	{
		HttpProtocolBuilder protocol = http.baseUrl(this.settings.url().toString())
			.wsBaseUrl(this.settings.webSocketUrl())
			.acceptHeader("application/json")
			.userAgentHeader("aula-load-test")
			// Media answers are cacheable for a year: Gatling's browser-like cache would
			// serve a user's repeated video starts itself, and the mix would be lost.
			.disableCaching()
			// The default warm-up calls a public web site; the target is the only host here.
			.disableWarmUp();
		setUp(day().injectOpen(injection()).protocols(protocol))
			.assertions(global().responseTime().percentile(95).lt((int) Math.ceil(this.settings.maxP95Millis())),
					global().failedRequests().percent().lt(this.settings.maxErrorPercent()))
			// Bounded whatever happens: a stuck user cannot keep the run going.
			.maxDuration(this.shape.total().plus(Duration.ofMinutes(2)));
	}

	@Override
	public void before() {
		this.sampler.start();
	}

	@Override
	public void after() {
		this.sampler.stop();
	}

	private List<OpenInjectionStep> injection() {
		List<OpenInjectionStep> steps = new ArrayList<>();
		int previous = 0;
		for (LoadShape.Step step : this.shape.steps()) {
			int arriving = step.users() - previous;
			steps.add((arriving > 0) ? rampUsers(arriving).during(step.ramp()) : nothingFor(step.ramp()));
			steps.add(nothingFor(step.hold()));
			previous = step.users();
		}
		return steps;
	}

	private ScenarioBuilder day() {
		return scenario("A day on Aula").exec(this::arrive)
			.exec(login())
			.exitHereIfFailed()
			.exec(myCourses())
			.exec(Session::markAsSucceeded)
			.asLongAs((session) -> System.currentTimeMillis() < session.getLong("leaveAt"))
			.on(pause(Duration.ofMillis(500), Duration.ofMillis(1500)).exec(refreshIfDue())
				.exec(chatPingIfDue())
				.exec(this::choose)
				.doSwitch("#{action}")
				.on(onCase(Action.CATALOG_PAGE.name()).then(catalogPage()),
						onCase(Action.CATALOG_SEARCH.name()).then(catalogSearch()),
						onCase(Action.COURSE.name()).then(openCourse()),
						onCase(Action.MY_COURSES.name()).then(myCourses()), onCase(Action.CHAT.name()).then(chat()),
						onCase(Action.COMPLETE_LESSON.name()).then(completeLesson()),
						onCase(Action.GRADES.name()).then(grades()), onCase(Action.MEDIA.name()).then(media()),
						onCase(Action.ENROL.name()).then(enrol()))
				.exec(this::recover))
			.doIf((session) -> session.getBoolean("chatOpen"))
			.then(exec(ws("chat: close").wsName("#{chatSocket}").close()));
	}

	private Session arrive(Session session) {
		long now = System.currentTimeMillis();
		this.startedAt.compareAndSet(0, now);
		int student = this.settings.studentOf(session.userId());
		return session.set("email", this.settings.emailOf(student))
			.set("password", LoadSettings.PASSWORD)
			.set("leaveAt", this.startedAt.get() + this.shape.leaveAt(session.userId()).toMillis())
			.set("iteration", 0L)
			.set("sent", 0L)
			.set("myCodes", List.of())
			.set("myCourseIds", List.of())
			.set("catalogCodes", List.of())
			.set("totalPages", 1)
			.set("lessonIds", List.of())
			.set("mediaUrls", List.of())
			.set("chatOpen", false)
			.set("chatGeneration", 0)
			.set("chatActiveAt", 0L);
	}

	// Authentication

	private ChainBuilder login() {
		return exec(http("auth: login").post("/api/auth/login")
			.body(StringBody("{\"email\":\"#{email}\",\"password\":\"#{password}\"}"))
			.asJson()
			.check(jmesPath("accessToken").saveAs("accessToken"), jmesPath("refreshToken").saveAs("refreshToken"),
					jmesPath("expiresIn").ofLong().saveAs("expiresIn")))
			.exec(AulaSimulation::scheduleRefresh);
	}

	/**
	 * Refreshes a minute before the access token expires (or at three quarters of a
	 * shorter lifetime); if the refresh is refused, signs in again.
	 */
	private ChainBuilder refreshIfDue() {
		return doIf((session) -> System.currentTimeMillis() >= session.getLong("refreshAt"))
			.then(exec(http("auth: refresh").post("/api/auth/refresh")
				.body(StringBody("{\"refreshToken\":\"#{refreshToken}\"}"))
				.asJson()
				.check(jmesPath("accessToken").saveAs("accessToken"), jmesPath("refreshToken").saveAs("refreshToken"),
						jmesPath("expiresIn").ofLong().saveAs("expiresIn")))
				.exec(AulaSimulation::scheduleRefresh)
				.doIf(Session::isFailed)
				.then(exec(Session::markAsSucceeded).exec(login())));
	}

	private static Session scheduleRefresh(Session session) {
		if (!session.contains("expiresIn")) {
			return session.set("refreshAt", Long.MAX_VALUE);
		}
		long lifetime = session.getLong("expiresIn") * 1000;
		long margin = Math.min(60_000, lifetime / 4);
		return session.set("refreshAt", System.currentTimeMillis() + lifetime - margin);
	}

	private static HttpRequestActionBuilder authorized(HttpRequestActionBuilder request) {
		return request.header("Authorization", "Bearer #{accessToken}");
	}

	// Choosing what to do

	private Session choose(Session session) {
		long iteration = session.getLong("iteration");
		Action action = (this.settings.profile() == LoadProfile.SMOKE) ? Action.inTurn(iteration)
				: Action.pick(ThreadLocalRandom.current());
		return session.set("iteration", iteration + 1).set("action", action.name());
	}

	/**
	 * A failed chat step leaves the socket in an unknown state: the next chat action opens
	 * a new one. Failures are counted by Gatling; the user goes on with its day.
	 */
	private Session recover(Session session) {
		if (!session.isFailed()) {
			return session;
		}
		Session recovered = session.markAsSucceeded();
		return Action.CHAT.name().equals(session.getString("action")) ? recovered.set("chatOpen", false)
				: recovered;
	}

	// Catalog

	private ChainBuilder catalogPage() {
		return exec((session) -> {
			// Most browsing stays on the first pages.
			int pages = Math.max(1, session.getInt("totalPages"));
			double roll = ThreadLocalRandom.current().nextDouble();
			return session.set("page", (int) (pages * roll * roll * roll));
		}).exec(authorized(http("catalog: page").get("/api/courses?page=#{page}&size=20"))
			.check(jmesPath("items[].code").ofList().saveAs("catalogCodes"),
					jmesPath("totalPages").ofInt().saveAs("totalPages")));
	}

	private ChainBuilder catalogSearch() {
		return exec((session) -> session.set("query",
				SEARCH_WORDS[ThreadLocalRandom.current().nextInt(SEARCH_WORDS.length)]))
			.exec(authorized(http("catalog: search").get("/api/courses?q=#{query}&size=20"))
				.check(jmesPath("items[].code").ofList().saveAs("catalogCodes")));
	}

	/** Half the time one of the student's own courses, else one the catalog showed. */
	private ChainBuilder openCourse() {
		return exec((session) -> {
			List<String> mine = strings(session, "myCodes");
			List<String> seen = strings(session, "catalogCodes");
			boolean own = !mine.isEmpty() && (seen.isEmpty() || ThreadLocalRandom.current().nextBoolean());
			List<String> from = own ? mine : seen;
			return session.set("courseCode", from.isEmpty() ? "" : any(from)).set("courseIsMine", own);
		}).doIf((session) -> !session.getString("courseCode").isEmpty()).then(courseDetail());
	}

	private ChainBuilder courseDetail() {
		return exec(authorized(http("course: detail").get("/api/courses/#{courseCode}"))
			.checkIf((response, session) -> session.getBoolean("courseIsMine"))
			.then(jmesPath("modules[].lessons[].id").ofList().saveAs("lessonIds"),
					jmesPath("modules[].lessons[] | [?kind=='VIDEO'].media.url").ofList().saveAs("mediaUrls")));
	}

	/** Looks into one of the student's courses, for its lessons and videos. */
	private ChainBuilder ownCourseDetail() {
		return exec((session) -> {
			List<String> mine = strings(session, "myCodes");
			return session.set("courseCode", mine.isEmpty() ? "" : any(mine)).set("courseIsMine", true);
		}).doIf((session) -> !session.getString("courseCode").isEmpty()).then(courseDetail());
	}

	// The student's own learning

	private ChainBuilder myCourses() {
		return exec(authorized(http("me: courses").get("/api/me/courses"))
			.check(jmesPath("[?status=='ACTIVE'].code").ofList().saveAs("myCodes"),
					jmesPath("[?status=='ACTIVE'].courseId").ofList().saveAs("myCourseIds")));
	}

	private ChainBuilder grades() {
		return exec(authorized(http("me: grades").get("/api/me/grades")));
	}

	private ChainBuilder completeLesson() {
		return doIf((session) -> strings(session, "lessonIds").isEmpty()).then(ownCourseDetail())
			.doIf((session) -> !strings(session, "lessonIds").isEmpty())
			.then(exec((session) -> session.set("lessonId", any(strings(session, "lessonIds"))))
				.exec(authorized(http("lesson: complete").put("/api/lessons/#{lessonId}/completion"))
					.check(status().is(204))));
	}

	/** The first 64 KiB of a video of one of the student's courses, as a player asks. */
	private ChainBuilder media() {
		return doIf((session) -> strings(session, "mediaUrls").isEmpty()).then(ownCourseDetail())
			.doIf((session) -> !strings(session, "mediaUrls").isEmpty())
			.then(exec((session) -> {
				String url = any(strings(session, "mediaUrls"));
				return session.set("mediaSha", url.substring(url.lastIndexOf('/') + 1));
			}).exec(authorized(http("media: range").get("/api/media/#{mediaSha}"))
				.header("Range", "bytes=0-65535")
				.check(status().in(200, 206))));
	}

	/**
	 * Enrols in a course the catalog showed and the student is not in. 409
	 * {@code already-enrolled} is the right answer when another of the student's sessions
	 * enrolled first, so it counts as success; any other refusal is a failure.
	 */
	private ChainBuilder enrol() {
		return exec((session) -> {
			List<String> mine = strings(session, "myCodes");
			List<String> candidates = strings(session, "catalogCodes").stream()
				.filter((code) -> !mine.contains(code))
				.toList();
			long sent = session.getLong("sent") + 1;
			return session.set("enrolCode", candidates.isEmpty() ? "" : any(candidates))
				.set("sent", sent)
				.set("idempotencyKey", "load-" + this.settings.run() + "-" + session.userId() + "-" + sent);
		}).doIf((session) -> !session.getString("enrolCode").isEmpty())
			.then(exec(authorized(http("enrol").post("/api/courses/#{enrolCode}/enrolments"))
				.header("Idempotency-Key", "#{idempotencyKey}")
				.body(StringBody("{}"))
				.asJson()
				.check(status().in(201, 409))
				.checkIf((response, session) -> response.status().code() == 409)
				.then(jmesPath("type").is(ALREADY_ENROLLED)))
				.exec((session) -> {
					List<String> mine = new ArrayList<>(strings(session, "myCodes"));
					mine.add(session.getString("enrolCode"));
					return session.set("myCodes", mine);
				}));
	}

	// Chat

	/**
	 * Sends a message to one of the student's course rooms and waits for its ack, then
	 * reads the room's latest messages. The socket is opened on the first chat action and
	 * kept for the session.
	 */
	private ChainBuilder chat() {
		return doIf((session) -> !session.getBoolean("chatOpen") && !strings(session, "myCourseIds").isEmpty())
			.then(openChat())
			.doIf((session) -> session.getBoolean("chatOpen"))
			.then(exec((session) -> {
				long sent = session.getLong("sent") + 1;
				return session.set("sent", sent).set("chatRef", "load-" + this.settings.run() + "-" + session.userId() + "-" + sent);
			}).exec(ws("chat: send").wsName("#{chatSocket}")
				.sendText("{\"type\":\"send\",\"ref\":\"#{chatRef}\",\"roomId\":\"#{chatRoom}\","
						+ "\"clientMessageId\":\"#{chatRef}\",\"body\":\"Hello from a load test (#{chatRef})\"}")
				.await(CHAT_TIMEOUT)
				.on(ws.checkTextMessage("chat: ack")
					.matching(jmesPath("ref").isEL("#{chatRef}"))
					.check(jmesPath("type").is("ack"))))
				.exec(AulaSimulation::chatActive)
				.exec(authorized(http("chat: history").get("/api/chat/rooms/#{chatRoom}/messages?limit=20"))));
	}

	private ChainBuilder openChat() {
		return exitBlockOnFail().on(exec((session) -> {
			int generation = session.getInt("chatGeneration") + 1;
			return session.set("chatGeneration", generation)
				.set("chatSocket", "chat-" + generation)
				.set("chatRoom", any(strings(session, "myCourseIds")));
		}).exec(authorized(http("chat: ticket").post("/api/chat/ticket")).check(jmesPath("ticket").saveAs("ticket")))
			.exec(ws("chat: connect").wsName("#{chatSocket}").connect("/ws/chat?ticket=#{ticket}"))
			// "subscribed" carries no ref; nothing else arrives on a new socket before it.
			.exec(ws("chat: subscribe").wsName("#{chatSocket}")
				.sendText("{\"type\":\"subscribe\",\"roomId\":\"#{chatRoom}\"}")
				.await(CHAT_TIMEOUT)
				.on(ws.checkTextMessage("chat: subscribed")
					.matching(jmesPath("type").in("subscribed", "error"))
					.check(jmesPath("type").is("subscribed"))))
			.exec((session) -> chatActive(session).set("chatOpen", true)));
	}

	private ChainBuilder chatPingIfDue() {
		return doIf((session) -> session.getBoolean("chatOpen")
				&& System.currentTimeMillis() - session.getLong("chatActiveAt") > CHAT_PING_AFTER_MILLIS)
			.then(exec((session) -> session.set("pingRef", "ping-" + (session.getLong("sent") + 1)))
				.exec(ws("chat: ping").wsName("#{chatSocket}")
					.sendText("{\"type\":\"ping\",\"ref\":\"#{pingRef}\"}")
					.await(CHAT_TIMEOUT)
					.on(ws.checkTextMessage("chat: pong")
						.matching(jmesPath("ref").isEL("#{pingRef}"))
						.check(jmesPath("type").is("pong"))))
				.exec(AulaSimulation::chatActive)
				.doIf(Session::isFailed)
				.then(exec((session) -> session.markAsSucceeded().set("chatOpen", false))));
	}

	private static Session chatActive(Session session) {
		return session.set("chatActiveAt", System.currentTimeMillis());
	}

	// Helpers

	private static List<String> strings(Session session, String key) {
		List<Object> values = session.getList(key);
		return values.stream().filter((value) -> value != null).map(String::valueOf).toList();
	}

	private static String any(List<String> values) {
		return values.get(ThreadLocalRandom.current().nextInt(values.size()));
	}

}
