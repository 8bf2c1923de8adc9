package org.madoguchi.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.junit.jupiter.api.Test;
import org.madoguchi.MadoguchiTest;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;

/** A clerk without a second factor signs in, and the language chosen in the header sticks. */
@MadoguchiTest
class LanguageBrowserTest extends BrowserTestSupport {

	@Test
	void clerkSignsInAndSwitchesLanguage() throws IOException {
		logIn("kobe-clerk", DEMO_PASSWORD);
		awaitPath("/");
		assertThat(htmlLang()).isEqualTo("ja");
		assertThat(text("h1")).contains("神戸 入力担当");
		assertThat(text("#roles")).contains("入力・審査担当");
		assertThat(municipalityRows()).containsExactly("281000 神戸市");
		assertThat(driver.findElements(By.cssSelector(".switcher"))).as("one municipality: no switcher").isEmpty();
		screenshot("home.png");

		clickAndAwaitNewPage(find("a[lang=en]"));
		await("the page in English", d -> "en".equals(htmlLang()));
		assertEnglish();

		open("/"); // no ?lang= any more: the cookie remembers the choice
		assertThat(htmlLang()).isEqualTo("en");
		assertEnglish();

		clickAndAwaitNewPage(find("a[lang=ja]"));
		await("the page in Japanese", d -> "ja".equals(htmlLang()));
		assertThat(text("header nav a")).isEqualTo("ホーム");
		assertThat(text("#logout")).isEqualTo("ログアウト");
		assertThat(text("h1")).contains("ようこそ");
		open("/");
		assertThat(htmlLang()).isEqualTo("ja");
	}

	private void assertEnglish() {
		assertThat(text("header nav a")).isEqualTo("Home");
		assertThat(text("#logout")).isEqualTo("Log out");
		assertThat(text("h1")).isEqualTo("Welcome, 神戸 入力担当");
		assertThat(text("#roles")).contains("Operator clerk");
	}

	private void screenshot(String name) throws IOException {
		Path folder = Files.createDirectories(Path.of("target", "screenshots"));
		Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
		Files.copy(shot, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
	}
}
