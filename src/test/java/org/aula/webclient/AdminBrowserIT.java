package org.aula.webclient;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.aula.testsupport.Browser;
import org.aula.testsupport.HttpApi.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin pages driven in a browser: a student's purchase made over the API shows up in
 * the sales report's chart and tables, the capacity panel shows every signal with its
 * state and the stage, the users page finds the student, and the audit log lists sign-ins
 * and filters by action.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminBrowserIT {

	private static final List<String> SIGNALS = List.of("active-users", "requests-per-second", "db-connections",
			"p95-latency", "memory", "cache-misses", "queued-jobs", "chat-sockets");

	private static final String STUDENT = "ana@aula.local";

	private WebFixture aula;

	private String course;

	private String courseTitle;

	private String saleDay;

	private String saleCurrency;

	@BeforeAll
	void start() {
		this.aula = WebFixture.start();
		String teacher = this.aula.token(WebFixture.TEACHER, WebFixture.DEMO_PASSWORD);
		this.courseTitle = "Statistics for shopkeepers";
		this.course = this.aula.publishedCourse(teacher, this.courseTitle, "49.90", "Averages");
		String student = this.aula.token(STUDENT, WebFixture.DEMO_PASSWORD);
		Response purchase = this.aula.call("POST", "/api/courses/" + this.course + "/enrolments", "{}", student,
				"Idempotency-Key", UUID.randomUUID().toString());
		assertThat(purchase.status()).as(purchase.body()).isEqualTo(201);
		JsonNode sale = purchase.json().get("sale");
		assertThat(sale.get("amount").decimalValue()).isEqualByComparingTo("49.90");
		this.saleCurrency = sale.get("currency").asString();
		this.saleDay = LocalDate.ofInstant(Instant.parse(purchase.json().get("createdAt").asString()), ZoneOffset.UTC)
			.toString();
	}

	@AfterAll
	void stop() {
		if (this.aula != null) {
			this.aula.close();
		}
	}

	@Test
	void theSalesReportShowsAPurchaseInItsChartAndItsTables() {
		try (Browser browser = adminBrowser()) {
			browser.click("Sales report");
			browser.waitForPath("/admin/reports");
			String bar = "svg.chart[role=img] rect.bar[data-period='" + this.saleDay + "']";
			// The aggregates are refreshed by a job; until one has run since the purchase
			// the
			// report does not have it, and the admin asks for a refresh.
			Object shown = browser.script("return document.querySelector(arguments[0])?.dataset.amount ?? null", bar);
			if (!"49.90".equals(shown)) {
				browser.click("Refresh report");
			}
			waitUntil(browser, "return document.querySelector(\"" + bar + "\")?.dataset.amount === '49.90'");

			WebElement chart = browser.driver().findElement(By.cssSelector("svg.chart"));
			assertThat(chart.getDomAttribute("data-currency")).isEqualTo(this.saleCurrency);
			assertThat(chart.getDomAttribute("aria-label")).startsWith("Bar chart of revenue in " + this.saleCurrency)
				.contains("49.90", "sales: 1");
			String barTitle = (String) browser
				.script("return document.querySelector(arguments[0] + ' > title')" + ".textContent", bar);
			assertThat(barTitle).contains("49.90", "sales: 1");
			assertThat(browser.findAll(By.cssSelector("svg.chart rect.bar:not([data-amount='0.00'])"))).hasSize(1);

			String total = browser.driver()
				.findElement(By.cssSelector("tr[data-period='" + this.saleDay + "']:not([data-course])"))
				.getText();
			assertThat(total).contains("49.90");
			String perCourse = browser.driver()
				.findElement(
						By.cssSelector("tr[data-period='" + this.saleDay + "'][data-course='" + this.course + "']"))
				.getText();
			assertThat(perCourse).contains(this.course, this.courseTitle, "49.90");
			screenshotWholePage(browser, "admin-sales-report");
		}
	}

	@Test
	void theCapacityPanelShowsEverySignalWithItsThresholdsAndStateAndTheStage() {
		try (Browser browser = adminBrowser()) {
			browser.waitFor(By.cssSelector("tr[data-signal]"));

			assertThat(browser.findAll(By.cssSelector("tr[data-signal]"))
				.stream()
				.map((row) -> row.getDomAttribute("data-signal"))
				.toList()).containsExactlyElementsOf(SIGNALS);
			for (WebElement row : browser.findAll(By.cssSelector("tr[data-signal]"))) {
				List<WebElement> cells = row.findElements(By.cssSelector("td"));
				assertThat(cells).hasSize(4);
				String state = row.getDomAttribute("data-state");
				assertThat(state).isIn("ok", "warning", "act-now");
				// The state is said in words, not only in colour.
				assertThat(cells.get(3).getText()).endsWith(switch (state) {
					case "ok" -> "OK";
					case "warning" -> "Warning";
					default -> "Act now";
				});
				assertThat(cells.get(1).getText()).as("warning threshold").matches(".*\\d.*");
				assertThat(cells.get(2).getText()).as("act threshold").matches(".*\\d.*");
			}
			assertThat(browser.driver().findElement(By.cssSelector("[data-stage]")).getText())
				.startsWith("Stage 1: one instance");
			assertThat(browser.driver().findElement(By.cssSelector("[data-recommended-stage]")).getText())
				.startsWith("Stage ");
			assertThat(browser.mainText()).contains("Next steps");

			// The panel reads the advice again every 10 seconds without a reload.
			String evaluated = browser.driver()
				.findElement(By.cssSelector("[data-evaluated-at]"))
				.getDomAttribute("data-evaluated-at");
			waitUntil(browser,
					"return document.querySelector('[data-evaluated-at]').dataset.evaluatedAt !== arguments[0]",
					evaluated);
			assertThat(browser.findAll(By.cssSelector("tr[data-signal]"))).hasSize(SIGNALS.size());
			screenshotWholePage(browser, "admin-capacity");
		}
	}

	@Test
	void theUsersPageFindsTheStudentBySearch() {
		try (Browser browser = adminBrowser()) {
			browser.click("Users");
			browser.waitForPath("/admin/users");
			assertThat(browser.findAll(By.cssSelector("tr[data-user]")).size()).isGreaterThan(1);

			browser.type("Email, name or national id", STUDENT);
			browser.submit("Apply filters");
			browser.waitForText(By.cssSelector("main p.meta"), "1 found");

			assertThat(browser.findAll(By.cssSelector("tr[data-user]"))).singleElement()
				.satisfies((row) -> assertThat(row.getText()).contains(STUDENT, "Active"));
			assertThat(browser.driver().getCurrentUrl()).contains("/admin/users?q=ana%40aula.local");
		}
	}

	@Test
	void theAuditLogListsSignInsAndFiltersThemByAction() {
		try (Browser browser = adminBrowser()) {
			browser.click("Audit log");
			browser.waitForPath("/admin/audit");

			browser.waitFor(By.cssSelector(".audit-row[data-action='auth.login']"));
			assertThat(browser.mainText()).containsPattern("\\d+ of \\d+ entries loaded");
			assertThat(browser.findAll(By.cssSelector(".audit-row"))
				.stream()
				.map((row) -> row.getDomAttribute("data-action"))
				.distinct()).contains("auth.login", "course.create");

			browser.type("Action", "auth.login");
			browser.submit("Apply filters");
			browser.waitFor(By.cssSelector(".audit-row"));
			assertThat(browser.driver().getCurrentUrl()).contains("/admin/audit?action=auth.login");
			assertThat(browser.findAll(By.cssSelector(".audit-row"))
				.stream()
				.map((row) -> row.getDomAttribute("data-action"))
				.distinct()).containsExactly("auth.login");

			browser.driver().findElement(By.cssSelector(".audit-row button")).click();
			assertThat(browser.waitFor(By.cssSelector(".audit-details")).getText()).contains("auth.login", "Changes");
			screenshotWholePage(browser, "admin-audit-log");
		}
	}

	private Browser adminBrowser() {
		Browser browser = Browser.open(this.aula.port());
		browser.signIn(WebFixture.ADMIN, WebFixture.ADMIN_PASSWORD);
		browser.waitForPath("/admin");
		return browser;
	}

	/**
	 * A screenshot of the whole page, not only the window: the window grows to fit it.
	 */
	private static void screenshotWholePage(Browser browser, String name) {
		long height = (Long) browser.script("return document.documentElement.scrollHeight");
		browser.driver().manage().window().setSize(new Dimension(1280, (int) Math.min(height + 140, 2400)));
		browser.screenshot(name);
	}

	private static void waitUntil(Browser browser, String script, Object... arguments) {
		long deadline = System.nanoTime() + 30_000_000_000L;
		while (!Boolean.TRUE.equals(browser.script(script, arguments))) {
			assertThat(System.nanoTime()).as("waiting for: " + script).isLessThan(deadline);
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

}
