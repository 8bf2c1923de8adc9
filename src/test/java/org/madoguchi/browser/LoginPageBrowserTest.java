package org.madoguchi.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.madoguchi.MadoguchiTest;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/** What a person sees on the login page before signing in, and signing in with the keyboard alone. */
@MadoguchiTest
class LoginPageBrowserTest extends BrowserTestSupport {

	@Test
	void isInJapaneseByDefaultWithLabelsBoundToTheirInputs() {
		open("/login");

		assertThat(htmlLang()).isEqualTo("ja");
		assertThat(text("h1")).isEqualTo("ログイン");
		assertThat(text("#login-submit")).isEqualTo("ログイン");
		assertLabel("username", "ユーザー名");
		assertLabel("password", "パスワード");
		assertThat(driver.findElement(By.id("password")).getDomAttribute("type")).isEqualTo("password");
		assertThat(driver.findElements(By.cssSelector(".error"))).isEmpty();
	}

	/** The label names the field, and clicking it puts the caret in that field (what {@code for} is for). */
	private void assertLabel(String inputId, String text) {
		var label = find("label[for='" + inputId + "']");
		assertThat(label.getText()).isEqualTo(text);
		var input = driver.findElement(By.id(inputId));
		label.click();
		assertThat(driver.switchTo().activeElement()).isEqualTo(input);
	}

	@Test
	void signsInWithTheKeyboardOnly() {
		open("/login");
		var username = find("#username");
		await("the focus on the username field when the page opens", d -> d.switchTo().activeElement().equals(username));

		driver.switchTo().activeElement().sendKeys("osaka-clerk", Keys.TAB);
		assertThat(driver.switchTo().activeElement()).as("TAB moves from username to password")
			.isEqualTo(driver.findElement(By.id("password")));
		driver.switchTo().activeElement().sendKeys(DEMO_PASSWORD, Keys.ENTER);

		awaitPath("/");
		assertThat(text("h1")).contains("大阪 入力担当");
		assertThat(text("#roles")).contains("入力・審査担当");
		assertThat(municipalityRows()).containsExactly("271004 大阪市");
	}
}
