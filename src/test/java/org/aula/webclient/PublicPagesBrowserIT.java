package org.aula.webclient;

import org.aula.testsupport.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicPagesBrowserIT {

	private WebFixture aula;

	private String algebra;

	@BeforeAll
	void start() {
		this.aula = WebFixture.start();
		String teacher = this.aula.token(WebFixture.TEACHER, WebFixture.DEMO_PASSWORD);
		this.algebra = this.aula.publishedCourse(teacher, "Linear algebra", "0", "Vectors", "Matrices");
		this.aula.publishedCourse(teacher, "History of art", "25.50", "Renaissance");
	}

	@AfterAll
	void stop() {
		this.aula.close();
	}

	@Test
	void theCatalogListsPublishedCoursesAndSearchNarrowsThem() {
		try (Browser browser = Browser.open(this.aula.port())) {
			browser.go("/");
			assertThat(browser.mainText()).contains("Linear algebra", "History of art", "Free");
			browser.screenshot("catalog");

			browser.type("Search courses", "history");
			browser.submit("Search");
			browser.waitForPath("/catalog");

			assertThat(browser.mainText()).contains("History of art").doesNotContain("Linear algebra");
			assertThat(browser.driver().getCurrentUrl()).endsWith("/catalog?q=history");
		}
	}

	@Test
	void aCoursePageShowsItsOutlineAndAsksAnonymousVisitorsToSignInToEnrol() {
		try (Browser browser = Browser.open(this.aula.port())) {
			browser.go("/");
			browser.click("Linear algebra");
			browser.waitForPath("/courses/" + this.algebra);

			assertThat(browser.mainText()).contains("Vectors", "Matrices", "2 lessons");
			browser.click("Sign in to enrol");
			browser.waitForPath("/login");
			assertThat(browser.driver().getCurrentUrl()).contains("next=%2Fcourses%2F" + this.algebra);
		}
	}

	@Test
	void aWrongPasswordShowsTheProblemAndStaysOnSignIn() {
		try (Browser browser = Browser.open(this.aula.port())) {
			browser.go("/login");
			browser.type("Email", WebFixture.TEACHER);
			browser.type("Password", "not-the-password");
			browser.submit("Sign in");

			String problem = browser.waitFor(By.cssSelector("[role=alert]")).getText();
			assertThat(problem).isNotBlank();
			assertThat(browser.script("return location.pathname")).isEqualTo("/login");
		}
	}

	@Test
	void signingInLeadsToTheRolesHomeAndSigningOutEndsTheSession() {
		try (Browser browser = Browser.open(this.aula.port())) {
			browser.signIn(WebFixture.TEACHER, WebFixture.DEMO_PASSWORD);
			browser.waitForPath("/teach");
			assertThat(browser.driver().findElement(By.cssSelector(".account")).getText()).contains("Teresa Teacher");

			browser.click("Sign out");
			browser.waitForPath("/login");
			browser.go("/teach");
			browser.waitForPath("/login");
			assertThat(browser.driver().getCurrentUrl()).contains("next=%2Fteach");
		}
	}

	@Test
	void aReloadKeepsTheSessionFromItsCookieWhichThePageCannotRead() {
		try (Browser browser = Browser.open(this.aula.port())) {
			browser.signIn(WebFixture.TEACHER, WebFixture.DEMO_PASSWORD);
			browser.waitForPath("/teach");
			assertThat((String) browser.script("return document.cookie")).contains("aula_csrf=")
				.doesNotContain("aula_refresh");

			browser.driver().navigate().refresh();
			browser.settled();
			assertThat(browser.script("return location.pathname")).isEqualTo("/teach");
			assertThat(browser.driver().findElement(By.cssSelector(".account")).getText()).contains("Teresa Teacher");

			browser.click("Sign out");
			browser.waitForPath("/login");
			assertThat((String) browser.script("return document.cookie")).doesNotContain("aula_csrf");
			browser.driver().navigate().refresh();
			browser.settled();
			assertThat(browser.driver().findElement(By.cssSelector(".account")).getText()).contains("Sign in")
				.doesNotContain("Teresa Teacher");
		}
	}

	@Test
	void aNextAddressOutsideTheSiteIsIgnoredAfterSigningIn() {
		try (Browser browser = Browser.open(this.aula.port())) {
			browser.go("/login?next=" + "/%5Cexample.org/steal");
			browser.type("Email", WebFixture.TEACHER);
			browser.type("Password", WebFixture.DEMO_PASSWORD);
			browser.submit("Sign in");
			browser.waitForPath("/teach");
			assertThat(browser.driver().getCurrentUrl()).startsWith(browser.baseUrl());
		}
	}

	@Test
	void aTabFollowsWhenAnotherTabSignsInAsSomeoneElse() {
		try (Browser browser = Browser.open(this.aula.port())) {
			browser.signIn(WebFixture.TEACHER, WebFixture.DEMO_PASSWORD);
			browser.waitForPath("/teach");
			String teacherTab = browser.driver().getWindowHandle();

			browser.driver().switchTo().newWindow(WindowType.TAB);
			browser.signIn("ana@aula.local", WebFixture.DEMO_PASSWORD);
			browser.waitForPath("/my-courses");

			browser.driver().switchTo().window(teacherTab);
			browser.waitForText(By.cssSelector(".account"), "Ana Student");
			assertThat(browser.driver().findElement(By.cssSelector(".account")).getText())
				.doesNotContain("Teresa Teacher");
		}
	}

	@Test
	void aSpanishBrowserGetsSpanishAndTheSwitchChangesIt() {
		try (Browser browser = Browser.open(this.aula.port(), "es")) {
			browser.go("/");
			assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Catálogo");
			assertThat(browser.script("return document.documentElement.lang")).isEqualTo("es");

			new Select(browser.driver().findElement(By.cssSelector("select[aria-label=Idioma]"))).selectByValue("en");
			browser.settled();

			assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Catalog");
			assertThat(browser.script("return document.documentElement.lang")).isEqualTo("en");
		}
	}

	@Test
	void onAPhoneThePagesFitTheScreenWidth() {
		try (Browser browser = Browser.phone(this.aula.port(), "es")) {
			for (String path : new String[] { "/", "/login", "/register", "/courses/" + this.algebra }) {
				browser.go(path);
				Object overflow = browser
					.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
				assertThat(((Number) overflow).intValue()).as(path).isLessThanOrEqualTo(0);
			}
			browser.go("/");
			browser.screenshot("catalog-phone");
		}
	}

	@Test
	void everyFieldHasALabelAndTheKeyboardReachesTheSkipLinkFirst() {
		try (Browser browser = Browser.open(this.aula.port())) {
			for (String path : new String[] { "/", "/login", "/register", "/forgot-password" }) {
				browser.go(path);
				Object unlabelled = browser.script("return [...document.querySelectorAll('input, select, textarea')]"
						+ ".filter((e) => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')).length");
				assertThat(((Number) unlabelled).intValue()).as(path).isZero();
			}
			browser.go("/");
			browser.driver().findElement(By.tagName("body")).sendKeys(Keys.TAB);
			assertThat(browser.script("return document.activeElement.id")).isEqualTo("skip-link");
		}
	}

}
