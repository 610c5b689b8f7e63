package org.aula.webclient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.aula.testsupport.Browser;
import org.aula.testsupport.HttpApi.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A teacher builds, publishes and grades a course through the teaching pages, and the
 * REST API confirms what the pages claim was stored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TeacherJourneyBrowserIT {

	private static final String STUDENT = "ana@aula.local";

	private WebFixture aula;

	private Path media;

	@BeforeAll
	void start() throws IOException {
		this.media = Files.createTempDirectory("aula-teacher-media");
		this.aula = WebFixture
			.start(Map.of("aula.media.directory", this.media.toString(), "aula.media.max-upload-size", "1MB"));
	}

	@AfterAll
	void stop() {
		if (this.aula != null) {
			this.aula.close();
		}
	}

	@Test
	void aTeacherBuildsPublishesAndGradesACourseThroughThePages() throws IOException {
		String code = WebFixture.uniqueCode();
		String teacherToken = this.aula.token(WebFixture.TEACHER, WebFixture.DEMO_PASSWORD);
		String lessonId;
		try (Browser browser = Browser.open(this.aula.port())) {
			browser.signIn(WebFixture.TEACHER, WebFixture.DEMO_PASSWORD);
			browser.waitForPath("/teach");

			browser.click("New course");
			browser.waitForPath("/teach/new");
			browser.type("Code", code.toLowerCase());
			browser.type("Title", "Pottery for beginners");
			browser.type("Description", "Clay, wheel and kiln.");
			browser.type("Price", "0");
			browser.submit("Create course");
			browser.waitForPath("/teach/" + code);
			assertThat(browser.mainText()).contains("Pottery for beginners", "Draft");

			browser.click("Teaching");
			browser.waitForPath("/teach");
			assertThat(browser.mainText()).contains(code, "Pottery for beginners", "Draft");
			browser.click("Pottery for beginners");
			browser.waitForPath("/teach/" + code);

			browser.type("Module title", "Clay basics");
			browser.submit("Add module");
			browser.waitForText(By.id("main"), "Module 1: Clay basics");

			browser.driver().findElement(By.xpath("//summary[normalize-space(.)='Add a lesson to module 1']")).click();
			browser.type("Lesson title", "Wedging clay");
			browser.type("Duration (minutes)", "12");
			browser.type("Text (Markdown)", "# Wedging\n\nPress and fold **twenty** times.");
			browser.submit("Add lesson");
			browser.click("Wedging clay");
			browser.waitForText(By.cssSelector("main h1"), "Lesson: Wedging clay");
			String lessonPath = (String) browser.script("return location.pathname");
			assertThat(lessonPath).startsWith("/teach/" + code + "/lessons/");
			lessonId = lessonPath.substring(lessonPath.lastIndexOf('/') + 1);

			browser.click("Preview");
			assertThat(browser.waitFor(By.cssSelector(".markdown-preview strong")).getText()).isEqualTo("twenty");

			WebElement file = browser.driver().findElement(By.cssSelector("main input[type=file]"));
			file.sendKeys(write("notes.txt", "plain text is no lesson media".getBytes()).toString());
			browser.submit("Upload");
			String refused = browser.waitFor(By.cssSelector("main [role=alert]")).getText();
			assertThat(refused).contains("Media type refused", "PNG");

			file.sendKeys(write("kiln.png", png(1_500_000)).toString());
			browser.submit("Upload");
			browser.waitForText(By.cssSelector("main [role=alert]"), "Content Too Large");

			file.sendKeys(write("wheel.png", png(300_000)).toString());
			browser.submit("Upload");
			browser.waitForText(By.id("main"), "Upload complete: the lesson is now of kind File.");
			assertThat(browser.script("return document.querySelector('main progress').value")).isEqualTo(100L);
			assertThat(browser.driver().findElement(By.cssSelector("main .progress-value")).getText())
				.isEqualTo("100 %");
			assertThat(browser.mainText()).contains("image/png", "293 KB");

			browser.click("Back to " + code);
			browser.waitForPath("/teach/" + code);
			browser.click("Publish");
			browser.waitForText(By.id("main"), "Course published.");
			assertThat(browser.mainText()).contains("Wedging clay", "File", "file attached");
			fullPageScreenshot(browser, "teacher-course-editor");

			within(browser, "/catalog?q=" + code, "/catalog");
			assertThat(browser.mainText()).contains("Pottery for beginners", code);

			String studentToken = this.aula.token(STUDENT, WebFixture.DEMO_PASSWORD);
			String studentId = this.aula.call("GET", "/api/me", null, studentToken).json().get("id").asString();
			Response enrolled = this.aula.call("POST", "/api/courses/" + code + "/enrolments", "{}", studentToken,
					"Idempotency-Key", "teacher-journey-" + code);
			assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);

			within(browser, "/teach/" + code + "/gradebook", "/teach/" + code + "/gradebook");
			WebElement moduleGrade = browser.waitFor(By.cssSelector("input[data-grade='" + studentId + "|1']"));
			moduleGrade.sendKeys("150", Keys.ENTER);
			browser.waitForText(By.cssSelector("[data-student='" + studentId + "'] td:nth-of-type(4) .cell-state"),
					"score:");
			assertThat(moduleGrade.getDomAttribute("aria-invalid")).isEqualTo("true");
			moduleGrade.clear();
			moduleGrade.sendKeys("90", Keys.TAB);
			browser.waitForText(By.cssSelector("[data-student='" + studentId + "'] td:nth-of-type(4) .cell-state"),
					"Saved");

			WebElement courseGrade = browser.driver()
				.findElement(By.cssSelector("input[data-grade='" + studentId + "|0']"));
			browser.driver()
				.findElement(By.cssSelector("input[data-comment='" + studentId + "|0']"))
				.sendKeys("Steady hands");
			courseGrade.sendKeys("87.5", Keys.ENTER);
			browser.waitForText(By.cssSelector("[data-student='" + studentId + "'] td:nth-of-type(2) .cell-state"),
					"Saved");

			browser.driver()
				.findElement(By.xpath("//label[normalize-space(.)='Grades for']/following-sibling::select"))
				.sendKeys("Module 1");
			browser.field("CSV file")
				.sendKeys(write("grades.csv",
						"email,score,comment\n%s,91.25,\"Imported, with care\"\nnobody@aula.local,50\n"
							.formatted(STUDENT)
							.getBytes())
					.toString());
			browser.submit("Import grades");
			browser.waitForText(By.id("main"), "Applied: 1. Failed: 1.");
			assertThat(browser.mainText())
				.contains("Line 3 (nobody@aula.local): no student of this course has this email");
			assertThat(moduleGrade.getDomProperty("value")).isEqualTo("91.25");
			fullPageScreenshot(browser, "teacher-gradebook");
		}

		JsonNode grades = this.aula.call("GET", "/api/courses/" + code + "/grades", null, teacherToken).json();
		assertThat(grades).hasSize(2);
		JsonNode course = null;
		JsonNode module = null;
		for (JsonNode grade : grades) {
			if (grade.get("module").isNull()) {
				course = grade;
			}
			else {
				module = grade;
			}
		}
		assertThat(course.get("score").decimalValue()).isEqualByComparingTo("87.5");
		assertThat(course.get("comment").asString()).isEqualTo("Steady hands");
		assertThat(module.get("module").asInt()).isEqualTo(1);
		assertThat(module.get("score").decimalValue()).isEqualByComparingTo("91.25");
		assertThat(module.get("comment").asString()).isEqualTo("Imported, with care");
		JsonNode lesson = this.aula.call("GET", "/api/lessons/" + lessonId, null, teacherToken).json();
		assertThat(lesson.get("kind").asString()).isEqualTo("FILE");
		assertThat(lesson.get("media").get("contentType").asString()).isEqualTo("image/png");
		assertThat(lesson.get("media").get("size").asLong()).isEqualTo(300_000);
		assertThat(lesson.get("durationSeconds").asInt()).isEqualTo(720);
		JsonNode published = this.aula.http().get("/api/courses?q=" + code).json();
		assertThat(published.get("items").findValuesAsString("code")).containsExactly(code);
	}

	@Test
	void aTeacherReordersRenamesAndDeletesInTheOutlineAndCannotDeleteACourseWithStudents() {
		String teacherToken = this.aula.token(WebFixture.TEACHER, WebFixture.DEMO_PASSWORD);
		String code = this.aula.publishedCourse(teacherToken, "Glassblowing", "0", "Gathering", "Shaping", "Cooling");
		String studentToken = this.aula.token("carla@aula.local", WebFixture.DEMO_PASSWORD);
		Response enrolled = this.aula.call("POST", "/api/courses/" + code + "/enrolments", "{}", studentToken,
				"Idempotency-Key", "teacher-outline-" + code);
		assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);
		try (Browser browser = Browser.open(this.aula.port())) {
			browser.signIn(WebFixture.TEACHER, WebFixture.DEMO_PASSWORD);
			browser.waitForPath("/teach");
			within(browser, "/teach/" + code, "/teach/" + code);

			byLabel(browser, "Move Gathering down").click();
			browser.waitForText(By.cssSelector("table.lessons tbody tr:first-child"), "Shaping");
			assertThat(browser.script("return document.activeElement.getAttribute('aria-label')"))
				.isEqualTo("Move Gathering down");

			browser.type("Module title", "Heat");
			browser.type("Number", "3");
			browser.submit("Save module");
			browser.waitForText(By.id("main"), "Module 3: Heat");

			byLabel(browser, "Delete Cooling").click();
			browser.driver().switchTo().alert().accept();
			new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
				.until((driver) -> !browser.mainText().contains("Cooling"));

			browser.click("Shaping");
			browser.waitForText(By.cssSelector("main h1"), "Lesson: Shaping");
			browser.type("Lesson title", "Shaping glass");
			browser.submit("Save lesson");
			browser.waitForText(By.id("main"), "Lesson saved.");
			browser.click("Back to " + code);
			browser.waitForPath("/teach/" + code);

			browser.click("Delete course");
			browser.driver().switchTo().alert().accept();
			String refused = browser.waitFor(By.cssSelector(".danger-zone [role=alert]")).getText();
			assertThat(refused).contains("has enrolments");
			assertThat(browser.mainText()).contains("Students have enrolled in this course, so it stays.");
		}

		JsonNode course = this.aula.call("GET", "/api/courses/" + code, null, teacherToken).json();
		assertThat(course.get("modules")).singleElement().satisfies((module) -> {
			assertThat(module.get("number").asInt()).isEqualTo(3);
			assertThat(module.get("title").asString()).isEqualTo("Heat");
			assertThat(module.get("lessons").findValuesAsString("title")).containsExactly("Shaping glass", "Gathering");
		});
	}

	@Test
	void theTeachingPagesFitAPhoneLabelEveryFieldAndSpeakSpanish() {
		String teacherToken = this.aula.token(WebFixture.TEACHER, WebFixture.DEMO_PASSWORD);
		String code = this.aula.publishedCourse(teacherToken, "Weaving", "12.50", "Looms", "Warp and weft");
		String studentToken = this.aula.token("ben@aula.local", WebFixture.DEMO_PASSWORD);
		Response enrolled = this.aula.call("POST", "/api/courses/" + code + "/enrolments", "{}", studentToken,
				"Idempotency-Key", "teacher-phone-" + code);
		assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);
		try (Browser browser = Browser.phone(this.aula.port(), "en")) {
			browser.signIn(WebFixture.TEACHER, WebFixture.DEMO_PASSWORD);
			browser.waitForPath("/teach");
			for (String path : new String[] { "/teach", "/teach/new", "/teach/" + code,
					"/teach/" + code + "/gradebook" }) {
				within(browser, path, path);
				Object overflow = browser
					.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
				assertThat(((Number) overflow).intValue()).as(path).isLessThanOrEqualTo(0);
				Object unlabelled = browser.script("return [...document.querySelectorAll('main input, main select,"
						+ " main textarea')].filter((e) => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')).length");
				assertThat(((Number) unlabelled).intValue()).as(path).isZero();
				assertThat(browser.findAll(By.cssSelector("main h1"))).as(path).hasSize(1);
			}
			assertThat(browser.mainText()).contains("Gradebook: Weaving", "Ben");
			assertThat(browser.driver().findElement(By.cssSelector("main > p.meta")).getText()).isEqualTo("1 student");

			new Select(browser.driver().findElement(By.cssSelector("select[aria-label=Language]"))).selectByValue("es");
			browser.settled();
			assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Calificaciones: Weaving");
			assertThat(browser.mainText()).contains("Nota del curso", "Importar notas desde CSV");
			assertThat(browser.driver().findElement(By.cssSelector("main > p.meta")).getText())
				.isEqualTo("1 estudiante");
		}
	}

	private static WebElement byLabel(Browser browser, String label) {
		return browser.waitFor(By.cssSelector("main [aria-label='" + label + "']"));
	}

	/**
	 * Opens a page the way the client's links do, without reloading: the access token
	 * lives in the page's memory.
	 */
	private static void within(Browser browser, String address, String path) {
		browser.script("history.pushState({}, '', arguments[0]); dispatchEvent(new PopStateEvent('popstate'));",
				address);
		browser.waitForPath(path);
	}

	private Path write(String name, byte[] content) throws IOException {
		Path file = Files.createTempDirectory(this.media, "upload").resolve(name);
		Files.write(file, content);
		return file;
	}

	/** A PNG as far as Aula's type detection reads: the signature, then filler. */
	private static byte[] png(int size) {
		byte[] content = new byte[size];
		byte[] signature = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
		System.arraycopy(signature, 0, content, 0, signature.length);
		return content;
	}

	/** A screenshot of the whole page, not just the window. */
	private static void fullPageScreenshot(Browser browser, String name) {
		Dimension window = browser.driver().manage().window().getSize();
		long height = (Long) browser.script("return document.documentElement.scrollHeight");
		browser.driver()
			.manage()
			.window()
			.setSize(new Dimension(window.getWidth(), (int) Math.min(height + 120, 4000)));
		browser.screenshot(name);
		browser.driver().manage().window().setSize(window);
	}

}
