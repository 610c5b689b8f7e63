package org.aula.webclient;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.aula.testsupport.Browser;
import org.aula.testsupport.HttpApi.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A course's teacher and one of its students talking in the course room, each in a
 * browser.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CourseChatBrowserIT {

	private static final String STUDENT = "ana@aula.local";

	private static final By MESSAGES = By.cssSelector(".chat-list:not(.chat-pending) .chat-message");

	private WebFixture aula;

	private String teacherToken;

	@BeforeAll
	void start() {
		// the paging test fills a room faster than a person could
		this.aula = WebFixture.start(Map.of("aula.chat.messages-per-minute", "100000"));
		this.teacherToken = this.aula.token(WebFixture.TEACHER, WebFixture.DEMO_PASSWORD);
	}

	record Course(String id, String title) {
	}

	/** A published course of the demo teacher, with the demo student enrolled. */
	private Course courseWithStudent(String title) {
		String code = this.aula.publishedCourse(this.teacherToken, title, "0", "Welcome");
		String student = this.aula.token(STUDENT, WebFixture.DEMO_PASSWORD);
		Response enrolled = this.aula.call("POST", "/api/courses/" + code + "/enrolments", "{}", student,
				"Idempotency-Key", "chat-browser-" + code.replace("-", ""));
		assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);
		String id = this.aula.call("GET", "/api/courses/" + code, null, this.teacherToken).json().get("id").asString();
		return new Course(id, title);
	}

	@AfterAll
	void stop() {
		this.aula.close();
	}

	@Test
	void aTeacherAndAStudentSeeEachOthersMessagesLiveAndTheHistoryAfterAReload() {
		Course course = courseWithStudent("Statistics seminar");
		try (Browser student = Browser.open(this.aula.port()); Browser teacher = Browser.open(this.aula.port())) {
			student.signIn(STUDENT, WebFixture.DEMO_PASSWORD);
			openRoom(student, course);
			teacher.signIn(WebFixture.TEACHER, WebFixture.DEMO_PASSWORD);
			openRoom(teacher, course);
			assertThat(student.driver().getCurrentUrl()).isEqualTo(teacher.driver().getCurrentUrl());

			// the student was in the room first: the teacher sees her online
			teacher.waitForText(By.id("chat-online"), "Ana Student");

			WebElement studentBox = student.field("Message");
			studentBox.sendKeys("Hello <b>teacher</b>,", Keys.chord(Keys.SHIFT, Keys.ENTER), "a question & more");
			studentBox.sendKeys(Keys.ENTER);

			WebElement received = lastMessage(teacher, "a question & more");
			assertThat(received.findElement(By.cssSelector(".chat-body")).getText())
				.isEqualTo("Hello <b>teacher</b>,\na question & more");
			assertThat(received.findElements(By.tagName("b"))).isEmpty();
			assertThat(received.findElement(By.cssSelector(".chat-sender")).getText()).isEqualTo("Ana Student");
			assertThat(lastMessage(student, "a question & more").getText()).contains("Sent");

			// typing reaches the other side before the message does
			WebElement teacherBox = teacher.field("Message");
			teacherBox.sendKeys("Of course, ask away");
			student.waitForText(By.id("chat-typing"), "Teresa Teacher is typing…");
			teacherBox.sendKeys(Keys.ENTER);

			WebElement reply = lastMessage(student, "Of course, ask away");
			assertThat(reply.findElement(By.cssSelector(".chat-sender")).getText()).isEqualTo("Teresa Teacher");
			assertThat(reply.findElement(By.cssSelector(".chat-role")).getText()).isEqualTo("Teacher");
			assertThat(student.findAll(By.cssSelector("#chat-typing")).get(0).getText()).isEmpty();
			student.waitForText(By.id("chat-online"), "Teresa Teacher");
			teacher.script("window.scrollTo(0, 0)");
			teacher.screenshot("chat-room");

			// the teacher moderates: the student's message becomes a tombstone on both
			// sides
			WebElement delete = lastMessage(teacher, "Of course").findElement(By.xpath("preceding-sibling::li[1]"))
				.findElement(By.cssSelector("button[aria-label='Delete message from Ana Student']"));
			delete.click();
			teacher.driver().switchTo().alert().accept();
			student.waitForText(By.cssSelector(".chat-message.deleted .chat-body"), "Message deleted");

			reload(student);
			student.waitFor(By.cssSelector(".chat-status[data-state=open]"));
			assertThat(bodies(student)).containsExactly("Message deleted", "Of course, ask away");
		}
	}

	@Test
	void aDroppedConnectionResumesWithoutLosingOrRepeatingMessages() {
		Course course = courseWithStudent("Reconnection drill");
		try (Browser student = Browser.open(this.aula.port())) {
			student.signIn(STUDENT, WebFixture.DEMO_PASSWORD);
			// keeps a handle on every socket the page opens, so the test can cut one off
			student.script("""
					if (!window.testSockets) {
					  const Native = window.WebSocket;
					  window.testSockets = [];
					  window.WebSocket = class extends Native {
					    constructor(...args) { super(...args); window.testSockets.push(this); }
					  };
					}""");
			openRoom(student, course);
			waitForMessageCount(student, 0);

			int opened = ((Number) student.script("return window.testSockets.length")).intValue();
			student.script("window.testSockets.at(-1).close()");
			WebElement box = student.field("Message");
			box.sendKeys("Written while cut off", Keys.ENTER);
			Response away = this.aula.call("POST", "/api/chat/rooms/" + course.id() + "/messages",
					"{\"clientMessageId\":\"away-1\",\"body\":\"Sent while Ana was away\"}", this.teacherToken);
			assertThat(away.status()).as(away.body()).isEqualTo(201);

			waitForMessageCount(student, 2);
			student.waitFor(By.cssSelector(".chat-status[data-state=open]"));
			assertThat(bodies(student)).containsExactlyInAnyOrder("Written while cut off", "Sent while Ana was away");
			assertThat(student.findAll(By.cssSelector(".chat-pending .chat-message"))).isEmpty();
			assertThat(((Number) student.script("return window.testSockets.length")).intValue()).isEqualTo(opened + 1);
			// stored once, however often the client sent it
			assertThat(this.aula.call("GET", "/api/chat/rooms/" + course.id() + "/messages", null, this.teacherToken)
				.json()
				.get("items")).hasSize(2);
		}
	}

	@Test
	void olderMessagesLoadOnDemandWhileThePageHoldsAtMostAWindowOfThem() {
		Course course = courseWithStudent("Busy room");
		for (int i = 1; i <= 420; i++) {
			Response sent = this.aula.call("POST", "/api/chat/rooms/" + course.id() + "/messages",
					"{\"clientMessageId\":\"busy-%d\",\"body\":\"Message %d\"}".formatted(i, i), this.teacherToken);
			assertThat(sent.status()).as(sent.body()).isEqualTo(201);
		}
		try (Browser student = Browser.open(this.aula.port())) {
			student.signIn(STUDENT, WebFixture.DEMO_PASSWORD);
			openChat(student);
			assertThat(student
				.waitFor(By.xpath("//li[a[normalize-space(.)='Busy room']]//span[contains(@class,'chat-badge')]"))
				.getText()).isEqualTo("420 unread");
			assertThat(navUnread(student)).isGreaterThanOrEqualTo(420);
			student.click("Busy room");
			student.settled();

			waitForMessageCount(student, 50);
			assertThat(bodies(student).get(49)).isEqualTo("Message 420");
			// the newest message is in view: the room is read, and the header says so
			new WebDriverWait(student.driver(), Duration.ofSeconds(20)).until((driver) -> navUnread(student) < 420);
			List<String> shown = bodies(student);
			for (int loads = 0; loads < 20 && !"Message 1".equals(shown.get(0)); loads++) {
				String oldest = shown.get(0);
				// scrolling to the top loads the page before (so does the button above
				// them)
				student.script("document.querySelector('.chat-log').scrollTop = 0");
				new WebDriverWait(student.driver(), Duration.ofSeconds(20))
					.until((driver) -> !bodies(student).get(0).equals(oldest));
				shown = bodies(student);
				assertThat(shown).hasSizeLessThanOrEqualTo(300);
			}
			// the oldest messages came in, the newest went out of the page
			assertThat(shown).hasSize(300);
			assertThat(shown.get(0)).isEqualTo("Message 1");
			assertThat(shown.get(299)).isEqualTo("Message 300");
			assertThat(student.waitFor(By.cssSelector(".chat-beginning")).getText())
				.isEqualTo("This is the beginning of the room.");
			student.click("Show latest messages");
			waitForMessageCount(student, 50);
			assertThat(bodies(student).get(49)).isEqualTo("Message 420");

			// having seen the latest message, the room counts as read
			student.click("All rooms");
			student.waitForPath("/chat");
			assertThat(student
				.findAll(By.xpath("//li[a[normalize-space(.)='Busy room']]//span[contains(@class,'chat-badge')]")))
				.isEmpty();
			new WebDriverWait(student.driver(), Duration.ofSeconds(20)).until((driver) -> navUnread(student) < 420);
		}
	}

	/** The unread count beside Chat in the header, 0 when it is hidden. */
	private static int navUnread(Browser browser) {
		Object count = browser.script("const badge = document.querySelector('.top .nav-count');"
				+ " return badge && !badge.hidden ? badge.firstChild.textContent : '0'");
		return Integer.parseInt(String.valueOf(count).replaceAll("[^0-9]", ""));
	}

	@Test
	void aStudentStartsADirectConversationWithTheTeacherOfTheirCourseOnAPhoneInSpanish() {
		courseWithStudent("Office hours");
		try (Browser student = Browser.phone(this.aula.port(), "en")) {
			student.signIn(STUDENT, WebFixture.DEMO_PASSWORD);
			new Select(student.driver().findElement(By.cssSelector("select[aria-label=Language]"))).selectByValue("es");
			student.settled();
			openChat(student);
			assertThat(student.mainText()).contains("Salas de curso", "Mensajes directos", "Iniciar una conversación");
			assertThat(horizontalOverflow(student)).isLessThanOrEqualTo(0);

			student.click("Escribir a Teresa Teacher");
			student.waitForText(By.tagName("h1"), "Conversación con Teresa Teacher");
			student.waitFor(By.cssSelector(".chat-status[data-state=open]"));
			student.field("Mensaje").sendKeys("¿Hay tutoría el viernes?", Keys.ENTER);
			waitForMessageCount(student, 1);
			student.waitForText(By.cssSelector(".chat-message .chat-state"), "Enviado");
			assertThat(horizontalOverflow(student)).isLessThanOrEqualTo(0);
		}
		JsonNode direct = null;
		for (JsonNode room : this.aula.call("GET", "/api/chat/rooms", null, this.teacherToken).json()) {
			if ("DIRECT".equals(room.get("kind").asString()) && "Ana Student".equals(room.get("title").asString())) {
				direct = room;
			}
		}
		assertThat(direct).isNotNull();
		assertThat(direct.get("unread").asLong()).isEqualTo(1);
	}

	private static int horizontalOverflow(Browser browser) {
		return ((Number) browser
			.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")).intValue();
	}

	/** The bodies of the messages in the page, read in one go while they may change. */
	@SuppressWarnings("unchecked")
	private static List<String> bodies(Browser browser) {
		return (List<String>) browser.script("return [...document.querySelectorAll("
				+ "'.chat-list:not(.chat-pending) .chat-message .chat-body')].map((body) => body.innerText)");
	}

	/** The header's Chat link (its text carries the unread count). */
	private static void openChat(Browser browser) {
		browser.waitFor(By.cssSelector(".top nav a[href='/chat']")).click();
		browser.waitForPath("/chat");
	}

	private static void openRoom(Browser browser, Course course) {
		openChat(browser);
		browser.click(course.title());
		browser.settled();
		browser.waitFor(By.cssSelector(".chat-status[data-state=open]"));
	}

	private static void waitForMessageCount(Browser browser, int count) {
		new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
			.until((driver) -> driver.findElements(MESSAGES).size() == count);
	}

	/** Reloads the page: the session survives in its cookie, the room starts afresh. */
	private static void reload(Browser browser) {
		String path = (String) browser.script("return location.pathname");
		browser.driver().navigate().refresh();
		browser.waitForPath(path);
	}

	/**
	 * Waits until the newest message of the room has this text in its body, and returns
	 * it.
	 */
	private static WebElement lastMessage(Browser browser, String text) {
		return new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until((driver) -> {
			List<WebElement> messages = driver.findElements(MESSAGES);
			if (messages.isEmpty()) {
				return null;
			}
			WebElement last = messages.get(messages.size() - 1);
			return last.findElement(By.cssSelector(".chat-body")).getText().contains(text) ? last : null;
		});
	}

}
