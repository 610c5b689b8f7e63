package org.aula.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driving Aula's web client, as a person would: Debian's
 * {@code chromium} and {@code chromedriver} (no browser or driver is downloaded). Each
 * instance is a separate browser profile, so two of them are two people. Paths can be
 * overridden with {@code AULA_CHROMIUM} and {@code AULA_CHROMEDRIVER}.
 */
public final class Browser implements AutoCloseable {

	private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("AULA_CHROMIUM", "/usr/bin/chromium"));

	private static final Path CHROMEDRIVER = Path
		.of(System.getenv().getOrDefault("AULA_CHROMEDRIVER", "/usr/bin/chromedriver"));

	private static final Duration WAIT = Duration.ofSeconds(20);

	private final ChromeDriver driver;

	private final String baseUrl;

	private final Path profile;

	private Browser(String baseUrl, Dimension size, String language) {
		if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
			throw new IllegalStateException("Browser tests need Chromium and its driver: apt-get install chromium "
					+ "chromium-driver (.ci/run does), or set AULA_CHROMIUM and AULA_CHROMEDRIVER");
		}
		try {
			this.profile = Files.createTempDirectory("aula-chromium-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		// The machine has no route to Google: without these Chromium keeps trying at
		// start.
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--user-data-dir=" + this.profile, "--lang=" + language,
				"--window-size=" + size.getWidth() + "," + size.getHeight());
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language, "download.default_directory",
				this.profile.resolve("downloads").toString()));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
		this.driver.manage().timeouts().scriptTimeout(WAIT);
		this.baseUrl = baseUrl;
	}

	/** A desktop-sized browser with English as its language. */
	public static Browser open(int port) {
		return new Browser("http://127.0.0.1:" + port, new Dimension(1280, 900), "en");
	}

	/** A browser the size of a phone, preferring the given language (e.g. {@code es}). */
	public static Browser phone(int port, String language) {
		return new Browser("http://127.0.0.1:" + port, new Dimension(390, 844), language);
	}

	/** A desktop-sized browser preferring the given language. */
	public static Browser open(int port, String language) {
		return new Browser("http://127.0.0.1:" + port, new Dimension(1280, 900), language);
	}

	public ChromeDriver driver() {
		return this.driver;
	}

	public String baseUrl() {
		return this.baseUrl;
	}

	/** Loads a path of the site and waits until the client has rendered it. */
	public Browser go(String path) {
		this.driver.get(this.baseUrl + path);
		return settled();
	}

	/** Waits until the client has started and no page is loading. */
	public Browser settled() {
		new WebDriverWait(this.driver, WAIT).until((driver) -> Boolean.TRUE.equals(
				((JavascriptExecutor) driver).executeScript("return document.documentElement.dataset.ready === 'true'"
						+ " && !document.getElementById('main').hasAttribute('aria-busy')")));
		return this;
	}

	/**
	 * Waits until the path (without query) is the given one, then until it has rendered.
	 */
	public Browser waitForPath(String path) {
		new WebDriverWait(this.driver, WAIT)
			.until((driver) -> path.equals(((JavascriptExecutor) driver).executeScript("return location.pathname")));
		return settled();
	}

	public WebElement waitFor(By by) {
		return new WebDriverWait(this.driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
	}

	public WebElement waitForText(By by, String text) {
		new WebDriverWait(this.driver, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
		return this.driver.findElement(by);
	}

	public List<WebElement> findAll(By by) {
		return this.driver.findElements(by);
	}

	/** The input labelled with the given text (every field of the client has a label). */
	public WebElement field(String label) {
		WebElement labelElement = waitFor(By.xpath("//label[normalize-space(.)='" + label + "']"));
		return this.driver.findElement(By.id(labelElement.getDomAttribute("for")));
	}

	public Browser type(String label, String text) {
		WebElement input = field(label);
		input.clear();
		input.sendKeys(text);
		return this;
	}

	/** Clicks the button or link with exactly this visible text. */
	public Browser click(String text) {
		WebElement element = new WebDriverWait(this.driver, WAIT).until(ExpectedConditions.elementToBeClickable(
				By.xpath("//*[self::button or self::a][normalize-space(.)='" + text + "' and not(@disabled)]")));
		element.click();
		return this;
	}

	/** Clicks the submit button with exactly this text in the page's main region. */
	public Browser submit(String text) {
		new WebDriverWait(this.driver, WAIT)
			.until(ExpectedConditions.elementToBeClickable(By
				.xpath("//main//button[@type='submit' and normalize-space(.)='" + text + "' and not(@disabled)]")))
			.click();
		return this;
	}

	/** Signs in through the sign-in page and waits for the page it leads to. */
	public Browser signIn(String email, String password) {
		go("/login");
		type("Email", email);
		type("Password", password);
		submit("Sign in");
		new WebDriverWait(this.driver, WAIT).until(
				(driver) -> !"/login".equals(((JavascriptExecutor) driver).executeScript("return location.pathname")));
		return settled();
	}

	public Object script(String script, Object... arguments) {
		return this.driver.executeScript(script, arguments);
	}

	public Object asyncScript(String script, Object... arguments) {
		return this.driver.executeAsyncScript(script, arguments);
	}

	/** The text of the page's main region. */
	public String mainText() {
		return this.driver.findElement(By.id("main")).getText();
	}

	/**
	 * Saves a screenshot as {@code <name>.png} under {@code target/screenshots}, or under
	 * the directory named by the environment variable {@code AULA_SCREENSHOTS}
	 * ({@code docs/screenshots} refreshes the README's pictures).
	 */
	public Path screenshot(String name) {
		String directory = System.getenv().getOrDefault("AULA_SCREENSHOTS", "target/screenshots");
		Path target = Path.of(directory, name + ".png");
		try {
			Files.createDirectories(target.getParent());
			Files.copy(this.driver.getScreenshotAs(OutputType.FILE).toPath(), target,
					StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return target;
	}

	/** Where downloads land. */
	public Path downloads() {
		return this.profile.resolve("downloads");
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			try (Stream<Path> files = Files.walk(this.profile)) {
				files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
			}
			catch (IOException ex) {
				// A leftover temporary profile is harmless.
			}
		}
	}

}
