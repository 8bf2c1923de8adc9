package org.madoguchi.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.madoguchi.Api;
import org.madoguchi.MadoguchiTest;
import org.openqa.selenium.support.ui.Select;

/** admin signs in with a one-time code, narrows the home page to one municipality and back, and logs out. */
@MadoguchiTest
class MunicipalitySwitcherBrowserTest extends BrowserTestSupport {

	@Test
	void adminSwitchesMunicipalityAndLogsOut() {
		logIn("admin", DEMO_PASSWORD);
		awaitPath("/login/second-factor");
		assertThat(text("h1")).isEqualTo("確認コードの入力");
		submitCode(Api.demoCode("admin"));

		awaitPath("/");
		assertThat(text("h1")).contains("管理者（デモ）");
		assertThat(text("#roles")).contains("管理者");
		assertThat(find(".switcher").isDisplayed()).isTrue();
		assertThat(municipalityRows()).containsExactlyInAnyOrder("281000 神戸市", "271004 大阪市", "072079 須賀川市");

		choose("271004");
		await("only one municipality listed", d -> municipalityRows().size() == 1);
		assertThat(municipalityRows()).containsExactly("271004 大阪市");
		assertThat(new Select(find("select#municipality-switch")).getFirstSelectedOption().getText()).isEqualTo("大阪市");

		choose("");
		await("all three municipalities listed", d -> municipalityRows().size() == 3);
		assertThat(municipalityRows()).containsExactlyInAnyOrder("281000 神戸市", "271004 大阪市", "072079 須賀川市");

		clickAndAwaitNewPage(find("#logout"));
		awaitPage("/login", "logout");
		assertThat(text(".notice")).isEqualTo("ログアウトしました。");

		open("/");
		awaitPath("/login");
		assertThat(text("h1")).isEqualTo("ログイン");
	}

	private void choose(String code) {
		new Select(find("select#municipality-switch")).selectByValue(code);
		clickAndAwaitNewPage(find(".switcher button[type=submit]"));
		awaitPath("/");
	}
}
