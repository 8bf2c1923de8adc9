package org.madoguchi.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.madoguchi.Api;
import org.madoguchi.identity.Totp;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;

/**
 * What the casework screen tests share: mailed cases opened and keyed through the API, signing in with the
 * demo one-time code, and full-page screenshots in {@code target/screenshots/} for a person to look at.
 */
abstract class CaseworkBrowserTest extends BrowserTestSupport {

	static final String KOBE = "281000";
	static final String CASES = "/api/v1/municipalities/" + KOBE + "/cases";

	/** A mailed request as the envelope arrives: nothing keyed yet. Returns its case number. */
	String newMailedCase() {
		var api = new Api(port);
		var opened = api.send("POST", CASES, api.token("kobe-clerk"),
				Api.json(Map.of("procedure", "resident-certificate-by-mail", "channel", "mail", "data", Map.of())), "ja",
				Map.of("Idempotency-Key", "browser-" + System.nanoTime()));
		assertThat(opened.status()).as(opened.body()).isEqualTo(201);
		return opened.json().get("caseNumber").asString();
	}

	/** The form of the demo requester; {@code copies} is the field tests make two keyers disagree on. */
	static Map<String, Object> form(int copies) {
		return org.madoguchi.casework.MailedRequestLifecycleTestData.form(copies);
	}

	static String today() {
		return LocalDate.now(ZoneId.of("Asia/Tokyo")).toString();
	}

	/** Takes a transition through the API as the given user and answers the case's state afterwards. */
	String move(String user, String number, Map<String, Object> move) {
		var api = new Api(port);
		var response = api.post(CASES + "/" + number + "/transitions", api.token(user), Api.json(move));
		assertThat(response.status()).as(user + " " + move.get("transition") + ": " + response.body()).isEqualTo(200);
		return response.json().get("state").asString();
	}

	/** Signs in with password and, for roles that need it, the demo account's one-time code. */
	void signIn(String username, boolean secondFactor) {
		logIn(username, DEMO_PASSWORD);
		if (secondFactor) {
			awaitPath("/login/second-factor");
			submitCode(usableCode(username));
		}
		awaitPath("/");
	}

	/**
	 * The demo code of a step this JVM has not used for the account. When API tokens and earlier sign-ins used
	 * up the current and the next step, it belongs to a later one: wait until the server accepts it.
	 */
	private static String usableCode(String username) {
		String code = Api.demoCode(username);
		byte[] secret = Totp.fromBase32(Api.DEMO_TOTP_SECRET);
		long deadline = System.currentTimeMillis() + 95_000;
		while (System.currentTimeMillis() < deadline) {
			long now = Totp.stepAt(Instant.now());
			if (code.equals(Totp.code(secret, now)) || code.equals(Totp.code(secret, now + 1))) {
				return code;
			}
			try {
				Thread.sleep(1000);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}
		return code;
	}

	void signOut() {
		clickAndAwaitNewPage(find("#logout"));
		awaitPage("/login", "logout");
	}

	String casePath(String number) {
		return "/municipalities/" + KOBE + "/cases/" + number;
	}

	WebElement focused() {
		return driver.switchTo().activeElement();
	}

	void awaitFocusOn(String id) {
		await("the focus on #" + id, d -> id.equals(d.switchTo().activeElement().getDomAttribute("id")));
	}

	String timelineText() {
		return driver.findElement(By.id("timeline")).getText();
	}

	/** The whole page, not only the window, as target/screenshots/{name}.png. */
	void screenshot(String name) {
		var original = driver.manage().window().getSize();
		long height = (Long) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollHeight");
		driver.manage().window().setSize(new Dimension(original.getWidth(), (int) Math.max(original.getHeight(), Math.min(height + 140, 6000))));
		try {
			Path target = Path.of("target", "screenshots", name + ".png");
			Files.createDirectories(target.getParent());
			Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
		} catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		} finally {
			driver.manage().window().setSize(original);
		}
	}
}
