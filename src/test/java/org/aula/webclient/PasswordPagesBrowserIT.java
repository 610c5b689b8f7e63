package org.aula.webclient;

import java.util.Map;

import org.aula.testsupport.Browser;
import org.aula.testsupport.HttpApi.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PasswordPagesBrowserIT {

	private WebFixture aula;

	@BeforeAll
	void start() {
		// Two failed sign-ins per account and address, so the throttle is reached
		// quickly.
		this.aula = WebFixture.start(Map.of("aula.identity.throttle.login-failures-per-account", "2"));
	}

	@AfterAll
	void stop() {
		this.aula.close();
	}

	@Test
	void aForgottenPasswordIsResetThroughTheEmailedLink() {
		String email = register("forgetful");
		try (Browser browser = Browser.open(this.aula.port())) {
			browser.go("/login");
			browser.click("Forgot your password?");
			browser.waitForPath("/forgot-password");
			browser.type("Email", email);
			browser.submit("Send reset link");
			assertThat(browser.waitFor(By.cssSelector("[role=status]")).getText())
				.contains("an email with a reset link was sent");

			browser.go(this.aula.linkMailedTo(email, "/reset-password"));
			browser.type("New password", "a-brand-new-secret-2026");
			browser.submit("Set password");
			browser.waitForPath("/login");

			browser.signIn(email, "a-brand-new-secret-2026");
			browser.waitForPath("/my-courses");
		}
		Response old = this.aula.http()
			.postJson("/api/auth/login", "{\"email\":\"%s\",\"password\":\"first-secret-2026\"}".formatted(email));
		assertThat(old.status()).isEqualTo(401);
	}

	@Test
	void aResetLinkWithoutItsTokenSaysSoAndOffersANewOne() {
		try (Browser browser = Browser.open(this.aula.port())) {
			browser.go("/reset-password");
			assertThat(browser.waitFor(By.cssSelector("[role=alert]")).getText()).contains("no reset token");
			browser.click("Reset your password");
			browser.waitForPath("/forgot-password");
		}
	}

	@Test
	void tooManyFailedSignInsShowTheProblemAndWhenToRetry() {
		String email = register("unlucky");
		try (Browser browser = Browser.open(this.aula.port())) {
			browser.go("/login");
			String alert = "";
			for (int attempt = 0; attempt < 4 && !alert.contains("Try again in"); attempt++) {
				browser.type("Email", email);
				browser.type("Password", "wrong-password-" + attempt);
				browser.submit("Sign in");
				browser.waitFor(By.cssSelector("[role=alert]"));
				alert = browser.driver().findElement(By.cssSelector("[role=alert]")).getText();
			}
			assertThat(alert).containsPattern("Try again in \\d+ s");
			assertThat(browser.script("return location.pathname")).isEqualTo("/login");
		}
	}

	private String register(String name) {
		String email = name + "-" + System.nanoTime() + "@test.aula";
		Response registered = this.aula.http()
			.postJson("/api/auth/register",
					"{\"email\":\"%s\",\"password\":\"first-secret-2026\",\"fullName\":\"%s\"}".formatted(email, name));
		assertThat(registered.status()).as(registered.body()).isEqualTo(201);
		return email;
	}

}
