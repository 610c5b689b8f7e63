package org.aula.webclient;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.aula.testsupport.Browser;
import org.aula.testsupport.HttpApi.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A student from invitation to certificate, through the web client only: register with
 * the invitation link, sign in, enrol, read, watch and download every lesson, mark each
 * complete and see it marked done in the course and the lesson links (after a reload
 * too), see the course at 100 %, see a grade, download the certificate and have it
 * verified by someone who is not signed in.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StudentJourneyBrowserIT {

	private static final String PASSWORD = "journey-through-aula-2026";

	/**
	 * Markup and a script link in a lesson must come out as text; the heading, emphasis,
	 * code, list and the http link as elements.
	 */
	private static final String READING = """
			# Why knives matter

			Hold the knife **firmly** and keep the `edge` down.

			<img src=x onerror="document.title='pwned'">

			- Claw grip
			- Rock chop

			[Knife safety](https://example.org/knives) and [a trap](javascript:document.title='pwned')
			""";

	private WebFixture aula;

	private String teacher;

	private String admin;

	private String code;

	private String courseTitle;

	private List<String> lessons;

	private byte[] video;

	@BeforeAll
	void start() throws IOException {
		this.aula = WebFixture.start();
		this.teacher = this.aula.token(WebFixture.TEACHER, WebFixture.DEMO_PASSWORD);
		this.admin = this.aula.token(WebFixture.ADMIN, WebFixture.ADMIN_PASSWORD);
		try (InputStream clip = getClass().getResourceAsStream("two-seconds.mp4")) {
			// Two seconds of H.264 in MP4, small enough to keep in the repository.
			this.video = clip.readAllBytes();
		}
		this.courseTitle = "Knife skills";
		this.code = WebFixture.uniqueCode();
		Response created = this.aula.call("POST", "/api/courses",
				"{\"code\":\"%s\",\"title\":\"%s\",\"price\":0}".formatted(this.code, this.courseTitle), this.teacher);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		module("Cutting");
		module("Serving");
		String reading = lesson(1, "Holding the knife", READING);
		String watching = lesson(1, "Watching the cut", "Watch the *rock chop*.");
		String handout = lesson(2, "Plating handout", "Print it.");
		upload(watching, "cut.mp4", this.video);
		upload(handout, "handout.pdf",
				"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.UTF_8));
		Response published = this.aula.call("PATCH", "/api/courses/" + this.code, "{\"published\":true}", this.teacher);
		assertThat(published.status()).as(published.body()).isEqualTo(200);
		this.lessons = List.of(reading, watching, handout);
	}

	@AfterAll
	void stop() {
		if (this.aula != null) {
			this.aula.close();
		}
	}

	@Test
	void anInvitedStudentLearnsEveryLessonAndGetsACertificateAnyoneCanVerify() throws Exception {
		String email = "journey-" + UUID.randomUUID().toString().substring(0, 8) + "@test.aula";
		Response invited = this.aula.call("POST", "/api/admin/invitations",
				"{\"email\":\"%s\",\"role\":\"STUDENT\"}".formatted(email), this.admin);
		assertThat(invited.status()).as(invited.body()).isEqualTo(201);
		String invitation = this.aula.linkMailedTo(email, "/register");

		try (Browser browser = Browser.open(this.aula.port())) {
			browser.go(invitation);
			assertThat(browser.mainText()).contains("You were invited");
			browser.type("Full name", "Julia Journey");
			browser.type("Email", email);
			browser.type("Password", PASSWORD);
			browser.submit("Create account");
			browser.waitForPath("/");
			browser.click("Sign out");
			browser.waitForPath("/login");

			browser.signIn(email, PASSWORD);
			browser.waitForPath("/my-courses");
			assertThat(browser.mainText()).contains("You are not enrolled in any course yet.");

			browser.click("Browse the catalog");
			browser.waitForPath("/catalog");
			browser.click(this.courseTitle);
			browser.waitForPath("/courses/" + this.code);
			browser.click("Enrol");
			browser.waitForPath("/learn/" + this.code);
			assertThat(browser.mainText()).contains("0 of 3 lessons completed", "Module 1: Cutting",
					"Module 2: Serving", "Course chat");
			assertThat(browser.findAll(By.cssSelector(".lesson-mark.todo"))).hasSize(3);

			browser.click("Start the first lesson");
			browser.waitForPath(lessonPath(0));
			assertReadingIsRenderedSafely(browser);
			browser.screenshot("student-lesson");
			complete(browser);
			assertThat(navigationMark(browser, "next")).isEqualTo("todo");

			browser.click("Back to " + this.courseTitle);
			browser.waitForPath("/learn/" + this.code);
			assertThat(lessonMarks(browser)).containsExactly("done", "todo", "todo");
			browser.go("/learn/" + this.code);
			assertThat(lessonMarks(browser)).containsExactly("done", "todo", "todo");
			assertThat(browser.mainText()).contains("1 of 3 lessons completed")
				.doesNotContain("Start the first lesson");

			browser.click("Watching the cut");
			browser.waitForPath(lessonPath(1));
			assertThat(navigationMark(browser, "prev")).isEqualTo("done");
			assertThat(navigationMark(browser, "next")).isEqualTo("todo");

			assertTheVideoStreamsTheUploadedFileInRanges(browser, email);
			complete(browser);
			browser.click("Next lesson: Plating handout");
			browser.waitForPath(lessonPath(2));

			WebElement download = browser.waitFor(By.cssSelector(".lesson-file button"));
			assertThat(download.getText()).startsWith("Download Plating handout").contains("(45 B)");
			download.click();
			Path handout = awaitDownload(browser, "handout.pdf");
			assertThat(Files.readString(handout, StandardCharsets.ISO_8859_1)).startsWith("%PDF-1.4");
			complete(browser);
			browser.waitForText(By.cssSelector(".completion"),
					"You have completed the whole course. Your certificate is being prepared.");

			browser.click("My courses");
			browser.waitForPath("/my-courses");
			assertThat(browser.mainText()).contains(this.courseTitle, "100 %", "3 of 3 lessons completed")
				.doesNotContain("In progress");
			assertThat(browser.driver().findElement(By.cssSelector(".my-courses progress")).getDomProperty("value"))
				.isEqualTo("100");
			browser.screenshot("student-my-courses");

			browser.click(this.courseTitle);
			browser.waitForPath("/learn/" + this.code);
			assertThat(browser.findAll(By.cssSelector(".lesson-mark.done"))).hasSize(3);
			assertThat(browser.mainText()).contains("You have completed every lesson of this course.");

			String studentId = this.aula.call("GET", "/api/me", null, this.aula.token(email, PASSWORD))
				.json()
				.get("id")
				.asString();
			Response graded = this.aula.call("PUT", "/api/courses/" + this.code + "/grades/" + studentId,
					"{\"score\":92.5,\"comment\":\"Clean cuts\",\"module\":1}", this.teacher);
			assertThat(graded.status()).as(graded.body()).isEqualTo(200);
			browser.click("Grades");
			browser.waitForPath("/grades");
			WebElement row = browser.waitFor(By.xpath("//main//tr[th[normalize-space(.)='Module 1']]"));
			assertThat(row.getText()).contains("92.5", "Clean cuts");

			browser.click("Certificates");
			browser.waitForPath("/certificates");
			String certificate = awaitCertificate(browser);
			browser.screenshot("student-certificates");
			assertThat(browser.driver().findElement(By.cssSelector(".share-url")).getDomProperty("value"))
				.isEqualTo(browser.baseUrl() + "/certificates/" + certificate);

			browser.click("Download PDF");
			Path pdf = awaitDownload(browser, "certificate-" + certificate + ".pdf");
			byte[] bytes = Files.readAllBytes(pdf);
			assertThat(new String(bytes, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
			assertThat(bytes).isEqualTo(download(certificate));

			browser.click("Open the verification page");
			browser.waitForPath("/certificates/" + certificate);
			assertThat(browser.mainText()).contains("This certificate is valid.", "Julia Journey", this.courseTitle);

			new Select(browser.driver().findElement(By.cssSelector("select[aria-label=Language]"))).selectByValue("es");
			browser.settled();
			assertThat(browser.mainText()).contains("Este certificado es válido.", "Otorgado a");
		}

		try (Browser stranger = Browser.open(this.aula.port())) {
			String certificate = certificateCodeOf(email);
			stranger.go("/certificates/" + certificate.toLowerCase().replace("-", ""));
			assertThat(stranger.mainText()).contains("This certificate is valid.", "Julia Journey", this.courseTitle);

			Response revoked = this.aula.call("POST", "/api/admin/certificates/" + certificate + "/revoke",
					"{\"reason\":\"Issued by mistake\"}", this.admin);
			assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
			stranger.go("/certificates/" + certificate);
			assertThat(stranger.mainText()).contains("This certificate was revoked on", "Revoked")
				.doesNotContain("This certificate is valid.", "Issued by mistake");

			stranger.go("/certificates/ZZZZ-ZZZZ-ZZZZ-ZZZZ");
			assertThat(stranger.mainText()).contains("No certificate has the code ZZZZ-ZZZZ-ZZZZ-ZZZZ");
		}
	}

	/**
	 * A {@code <video>} cannot send the bearer token, so it plays only from a link the
	 * server signed for the student.
	 */
	@Test
	void theLessonVideoLoadsAndSeeksThroughItsLink() {
		String email = "seeker-" + UUID.randomUUID().toString().substring(0, 8) + "@test.aula";
		Response registered = this.aula.http()
			.postJson("/api/auth/register",
					"{\"email\":\"%s\",\"password\":\"%s\",\"fullName\":\"Sam Seeker\"}".formatted(email, PASSWORD));
		assertThat(registered.status()).as(registered.body()).isEqualTo(201);
		String student = this.aula.token(email, PASSWORD);
		Response enrolled = this.aula.call("POST", "/api/courses/" + this.code + "/enrolments", "{}", student,
				"Idempotency-Key", UUID.randomUUID().toString());
		assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);
		String url = this.aula.call("GET", "/api/lessons/" + this.lessons.get(1), null, student)
			.json()
			.get("media")
			.get("url")
			.asString();
		HttpRequest.Builder anonymous = url.startsWith("/") ? this.aula.http().request(url)
				: HttpRequest.newBuilder(URI.create(url));
		int withoutToken = this.aula.http().send(anonymous.GET()).status();
		assertThat(withoutToken).as("a <video> sends no token: the signed link must work without one").isEqualTo(200);

		try (Browser browser = Browser.open(this.aula.port())) {
			browser.signIn(email, PASSWORD);
			browser.click(this.courseTitle);
			browser.waitForPath("/learn/" + this.code);
			browser.click("Watching the cut");
			browser.waitForPath(lessonPath(1));
			WebElement video = browser.waitFor(By.cssSelector(".lesson-video video"));
			assertThat(video.getDomAttribute("src")).startsWith(url.substring(0, url.indexOf('?')) + "?access=");
			new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
				.until((driver) -> ((Number) browser.script("return arguments[0].readyState", video)).intValue() >= 1
						|| browser.script("return arguments[0].error && arguments[0].error.code", video) != null);
			assertThat(browser.script("return arguments[0].error && arguments[0].error.code", video)).isNull();
			assertThat(((Number) browser
				.script("return arguments[0].seekable.length ? arguments[0].seekable.end(0) : 0", video)).doubleValue())
				.isGreaterThan(1.5);
			Object seeked = browser.asyncScript("""
					const [video, done] = arguments;
					video.addEventListener('seeked', () => done(video.currentTime), { once: true });
					video.currentTime = 1.5;
					""", video);
			assertThat(((Number) seeked).doubleValue()).isBetween(1.2, 1.8);
		}
	}

	private void assertReadingIsRenderedSafely(Browser browser) {
		WebElement body = browser.waitFor(By.cssSelector(".lesson-body"));
		assertThat(body.findElement(By.tagName("h2")).getText()).isEqualTo("Why knives matter");
		assertThat(body.findElement(By.tagName("strong")).getText()).isEqualTo("firmly");
		assertThat(body.findElement(By.tagName("code")).getText()).isEqualTo("edge");
		assertThat(body.findElements(By.cssSelector("li"))).extracting(WebElement::getText)
			.containsExactly("Claw grip", "Rock chop");
		assertThat(body.getText()).contains("<img src=x onerror=\"document.title='pwned'\">", "a trap");
		assertThat(body.findElements(By.tagName("img"))).isEmpty();
		List<WebElement> links = body.findElements(By.tagName("a"));
		assertThat(links).hasSize(1);
		assertThat(links.get(0).getDomAttribute("href")).isEqualTo("https://example.org/knives");
		assertThat(links.get(0).getDomAttribute("rel")).isEqualTo("noopener noreferrer");
		assertThat(browser.driver().getTitle()).doesNotContain("pwned");
		assertThat(browser.driver().findElements(By.tagName("h1"))).hasSize(1);
	}

	/**
	 * The video element points at the lesson's media link exactly as the API gives it,
	 * and that link answers a byte range with 206 to the student's session, which is what
	 * lets a player seek.
	 */
	private void assertTheVideoStreamsTheUploadedFileInRanges(Browser browser, String email) {
		WebElement video = browser.waitFor(By.cssSelector(".lesson-video video"));
		String url = this.aula
			.call("GET", "/api/lessons/" + this.lessons.get(1), null, this.aula.token(email, PASSWORD))
			.json()
			.get("media")
			.get("url")
			.asString();
		assertThat(video.getDomAttribute("src")).isEqualTo(url);
		assertThat(video.getDomAttribute("preload")).isEqualTo("metadata");
		assertThat(video.getDomAttribute("controls")).isNotNull();
		// The page's own API module, so the request carries the signed-in session as the
		// page does.
		Object answer = browser.asyncScript("""
				const [url, done] = arguments;
				import('/assets/api.js')
				  .then(({ api }) => api('GET', url, { raw: true, headers: { Range: 'bytes=100-199' } }))
				  .then(async (response) => done([response.status, response.headers.get('Content-Range'),
				    (await response.arrayBuffer()).byteLength]))
				  .catch((problem) => done(['failed', String(problem.status), problem.message]));
				""", url);
		assertThat(answer).isEqualTo(List.of(206L, "bytes 100-199/" + this.video.length, 100L));
	}

	/** The mark of each lesson of the learning view, in the course's order. */
	private static List<String> lessonMarks(Browser browser) {
		browser.waitFor(By.cssSelector(".learn-outline .lesson-row"));
		return browser.findAll(By.cssSelector(".learn-outline .lesson-row"))
			.stream()
			.map((row) -> row.findElement(By.cssSelector(".lesson-mark")).getDomAttribute("class"))
			.map((mark) -> mark.replace("lesson-mark", "").strip())
			.toList();
	}

	/** The mark next to the previous ({@code prev}) or next lesson's link of a lesson. */
	private static String navigationMark(Browser browser, String rel) {
		return browser
			.waitFor(By.xpath("//nav[contains(@class,'lesson-nav')]//a[@rel='" + rel
					+ "']/following-sibling::span[contains(@class,'lesson-mark')]"))
			.getDomAttribute("class")
			.replace("lesson-mark", "")
			.strip();
	}

	private void complete(Browser browser) {
		browser.click("Mark complete");
		browser.waitForText(By.cssSelector(".completion"), "You completed this lesson.");
	}

	/** Waits while the certificate is being prepared, refreshing as a student would. */
	private String awaitCertificate(Browser browser) {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (browser.findAll(By.cssSelector(".certificate:not(.pending) code")).isEmpty()) {
			assertThat(System.nanoTime()).as("the certificate is issued within 30 s").isLessThan(deadline);
			if (!browser.findAll(By.cssSelector(".certificate.pending")).isEmpty()) {
				assertThat(browser.mainText()).contains("Being prepared");
				sleep(500);
				browser.click("Refresh");
			}
			sleep(250);
		}
		return browser.driver().findElement(By.cssSelector(".certificate:not(.pending) code")).getText();
	}

	private Path awaitDownload(Browser browser, String name) {
		Path file = browser.downloads().resolve(name);
		new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until((driver) -> Files.isRegularFile(file)
				&& !Files.exists(file.resolveSibling(name + ".crdownload")) && size(file) > 0);
		return file;
	}

	private String certificateCodeOf(String email) {
		Response mine = this.aula.call("GET", "/api/me/certificates", null, this.aula.token(email, PASSWORD));
		assertThat(mine.status()).as(mine.body()).isEqualTo(200);
		return mine.json().get(0).get("code").asString();
	}

	private byte[] download(String certificate) {
		try {
			return HttpClient.newHttpClient()
				.send(HttpRequest
					.newBuilder(URI
						.create("http://127.0.0.1:" + this.aula.port() + "/api/certificates/" + certificate + "/pdf"))
					.build(), HttpResponse.BodyHandlers.ofByteArray())
				.body();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private String lessonPath(int index) {
		return "/learn/" + this.code + "/lessons/" + this.lessons.get(index);
	}

	private void module(String title) {
		Response module = this.aula.call("POST", "/api/courses/" + this.code + "/modules",
				"{\"title\":\"%s\"}".formatted(title), this.teacher);
		assertThat(module.status()).as(module.body()).isEqualTo(201);
	}

	private String lesson(int module, String title, String markdown) {
		Response added = this.aula.call("POST", "/api/courses/" + this.code + "/modules/" + module + "/lessons",
				"{\"title\":\"%s\",\"body\":%s}".formatted(title, json(markdown)), this.teacher);
		assertThat(added.status()).as(added.body()).isEqualTo(201);
		return added.json().get("id").asString();
	}

	private void upload(String lessonId, String fileName, byte[] content) {
		Response uploaded = this.aula.http()
			.send(this.aula.http()
				.fileUpload("/api/lessons/" + lessonId + "/media", fileName, content)
				.header("Authorization", "Bearer " + this.teacher));
		assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);
	}

	private static String json(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
	}

	private static long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			return 0;
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
