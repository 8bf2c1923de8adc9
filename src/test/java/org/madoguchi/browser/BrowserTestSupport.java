package org.madoguchi.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.madoguchi.Api;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;

/**
 * A fresh headless Chromium (Debian's, never downloaded) with its own profile for every test, plus the
 * few steps every browser test repeats. Subclasses are annotated with {@code @MadoguchiTest}.
 */
abstract class BrowserTestSupport {

	static final String DEMO_PASSWORD = Api.DEMO_PASSWORD;
	private static final Duration TIMEOUT = Duration.ofSeconds(10);
	private static final AtomicInteger ACCOUNTS = new AtomicInteger();

	@LocalServerPort
	int port;

	WebDriver driver;
	WebDriverWait wait;
	private Path profile;

	@BeforeEach
	void startBrowser() throws IOException {
		profile = Files.createTempDirectory("madoguchi-chromium-");
		var service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
			.usingAnyFreePort().build();
		var options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
				"--window-size=1280,900", "--user-data-dir=" + profile);
		if (acceptLanguages() != null) {
			// the resident portal follows the browser's languages (staff pages do not); Chromium's own default is en-US
			options.addArguments("--lang=" + acceptLanguages().split(",")[0]);
			options.setExperimentalOption("prefs", Map.of("intl.accept_languages", acceptLanguages()));
		}
		driver = new ChromeDriver(service, options);
		wait = new WebDriverWait(driver, TIMEOUT);
		// while a page is being replaced, Chromium may answer for the old one with a stale or unknown error
		wait.ignoring(WebDriverException.class);
	}

	/** The browser's preferred languages, e.g. "ja,en"; null keeps Chromium's default. */
	String acceptLanguages() {
		return null;
	}

	@AfterEach
	void stopBrowser() {
		try {
			if (driver != null) {
				driver.quit(); // also stops this driver's chromedriver service
			}
		} finally {
			FileSystemUtils.deleteRecursively(profile.toFile());
		}
	}

	void open(String path) {
		driver.get("http://localhost:" + port + path);
	}

	/** The path of the page now shown, without the query. */
	String path() {
		return URI.create(driver.getCurrentUrl()).getPath();
	}

	void awaitPath(String path) {
		await("page " + path, d -> path.equals(path()));
	}

	/** Waits for the page {@code path?query}, e.g. "/login?error". */
	void awaitPage(String path, String query) {
		await("page " + path + "?" + query, d -> path.equals(path()) && query.equals(URI.create(d.getCurrentUrl()).getQuery()));
	}

	/** Waits until the condition holds; a timeout names what was expected and the page actually shown. */
	<T> T await(String expected, Function<WebDriver, T> condition) {
		return new WebDriverWait(driver, TIMEOUT).ignoring(WebDriverException.class)
			.withMessage(() -> "expected " + expected + " but the browser shows " + driver.getCurrentUrl())
			.until(condition);
	}

	/** The element that has the keyboard's focus. */
	WebElement focused() {
		return driver.switchTo().activeElement();
	}

	void tab() {
		new Actions(driver).sendKeys(Keys.TAB).perform();
	}

	/** Presses Tab until the element with this id has the focus (at most 40 times). */
	void tabTo(String id) {
		for (int presses = 0; presses < 40 && !id.equals(focused().getDomAttribute("id")); presses++) {
			tab();
		}
		assertThat(focused().getDomAttribute("id")).isEqualTo(id);
	}

	/** Presses a key (Enter, Space) on what has the focus and waits until another page is shown. */
	void pressAndAwaitNewPage(Keys key) {
		var before = driver.findElement(By.tagName("html"));
		new Actions(driver).sendKeys(key).perform();
		await("a new page", d -> !d.findElement(By.tagName("html")).equals(before));
	}

	WebElement find(String css) {
		return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
	}

	String text(String css) {
		return find(css).getText();
	}

	String htmlLang() {
		return driver.findElement(By.tagName("html")).getDomAttribute("lang");
	}

	/** Saves what the browser shows to target/screenshots, for a person to look at. */
	void saveScreenshot(String name) {
		try {
			Path folder = Files.createDirectories(Path.of("target", "screenshots"));
			Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
			Files.copy(shot, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
		} catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	/** Types the credentials on the login page and submits them; the caller checks where that leads. */
	void logIn(String username, String password) {
		open("/login");
		find("#username").sendKeys(username);
		find("#password").sendKeys(password);
		clickAndAwaitNewPage(find("#login-submit"));
	}

	/** Types a one-time code on the code (or enrolment) page and submits it, waiting for the page to go. */
	void submitCode(String code) {
		find("#code").sendKeys(code);
		clickAndAwaitNewPage(find("#code-submit"));
	}

	/** Clicks a button or link and waits until another document (even of the same address) is shown. */
	void clickAndAwaitNewPage(WebElement control) {
		var before = driver.findElement(By.tagName("html"));
		control.click();
		await("a new page", d -> !d.findElement(By.tagName("html")).equals(before));
	}

	/** The municipality rows of the home page as "code name". */
	List<String> municipalityRows() {
		return driver.findElements(By.cssSelector("main table tbody tr")).stream()
			.map(row -> row.findElements(By.tagName("td")))
			.map(cells -> cells.get(0).getText() + " " + cells.get(1).getText())
			.toList();
	}

	/** A new operator account, made by admin through the API; returns its (unique) username. */
	String newOperator(String role, String password) {
		String username = "browser-" + role.toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "-" + Long.toString(System.currentTimeMillis(), 36)
				+ "-" + ACCOUNTS.incrementAndGet();
		var api = new Api(port);
		var response = api.post("/api/v1/admin/accounts", api.token("admin"),
				Api.json(Map.of("username", username, "password", password, "displayName", "ブラウザ試験 " + role,
						"organization", "operator", "roles", List.of(role), "municipalities", List.of("281000"))));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return username;
	}
}
