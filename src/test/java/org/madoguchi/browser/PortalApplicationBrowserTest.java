package org.madoguchi.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.madoguchi.Api;
import org.madoguchi.MadoguchiTest;
import org.madoguchi.benefits.BenefitCity;
import org.madoguchi.portal.PortalCity;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/**
 * The online application, from the number to the result, with nothing but the keyboard: Tab moves, typing
 * goes to the field that has the focus, Space ticks, Enter submits. Only the head is shown the members' names.
 */
@MadoguchiTest
class PortalApplicationBrowserTest extends BrowserTestSupport {

	@Override
	String acceptLanguages() {
		return "ja,en;q=0.8"; // a phone set up in Japanese
	}

	@Test
	void theHeadAppliesOnlineUsingTheKeyboardOnly() {
		var city = PortalCity.open(new Api(port), 4);
		driver.manage().window().setSize(new Dimension(390, 844)); // a phone
		open("/portal/apply?municipality=" + BenefitCity.OSAKA);
		assertThat(text("h1")).isEqualTo("オンライン申請");
		assertThat(focused().getDomAttribute("id")).as("the first empty field has the focus").isEqualTo("application");

		type(city.number(2));
		String[] date = city.birthDate(2, 0).split("-");
		tab();
		type(date[0]);
		tab();
		type(date[1]);
		tab();
		type(date[2]);
		pressAndAwaitNewPage(Keys.ENTER);

		awaitPath("/portal/apply/details");
		assertThat(text("#applicant-role")).isEqualTo("世帯主の方として申請します。");
		assertThat(text(".steps .current")).isEqualTo("振込先などの入力");
		assertThat(focused().getDomAttribute("id")).isEqualTo("bankCode");
		type("0001");
		tab();
		type("001");
		tab();
		assertThat(focused().getDomAttribute("id")).as("the account type's checked choice").isEqualTo("accountType-1");
		tab();
		type("1234567");
		tab();
		type("オオサカ タロウ");
		tab();
		type("12"); // too short: refused next to the field
		tab();
		assertThat(focused().getDomAttribute("id")).isEqualTo("declined-0");
		tab();
		type(" "); // 大阪 太郎1 declines
		tab();
		assertThat(focused().getDomAttribute("id")).isEqualTo("declined-2");
		tab();
		assertThat(focused().getDomAttribute("id")).isEqualTo("details-submit");
		pressAndAwaitNewPage(Keys.ENTER);

		assertThat(focused().getDomAttribute("id")).as("the error summary takes the focus").isEqualTo("error-summary");
		assertThat(text("#error-summary")).contains("電話番号");
		assertThat(text("#phone-error")).contains("エラー：");
		assertThat(find("#phone").getDomAttribute("aria-invalid")).isEqualTo("true");
		assertThat(find("#declined-1").isSelected()).as("what was typed is kept").isTrue();
		saveScreenshot("portal-apply-details-error.png");
		tabTo("phone");
		new Actions(driver).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).perform();
		type("06-1234-5678");
		pressAndAwaitNewPage(Keys.ENTER);

		awaitPath("/portal/apply/confirm");
		assertThat(text("#confirm-holder")).isEqualTo("オオサカ タロウ");
		assertThat(text("#confirm-declined")).isEqualTo("大阪 太郎1");
		saveScreenshot("portal-apply-confirm.png");
		tabTo("apply-submit");
		pressAndAwaitNewPage(Keys.ENTER);

		awaitPath("/portal/apply/done");
		assertThat(text("#status-name")).isEqualTo("受付済み");
		assertThat(find("#result").getDomAttribute("aria-live")).isEqualTo("polite");
		saveScreenshot("portal-apply-done.png");
	}

	@Test
	void aMemberWhoIsNotTheHeadSeesHowManyPeopleButNoNames() {
		var city = PortalCity.open(new Api(port), 4);
		open("/portal/apply?municipality=" + BenefitCity.OSAKA + "&lang=en");
		type(city.number(3));
		String[] date = city.birthDate(3, 2).split("-");
		tab();
		type(date[0]);
		tab();
		type(date[1]);
		tab();
		type(date[2]);
		pressAndAwaitNewPage(Keys.ENTER);

		awaitPath("/portal/apply/details");
		assertThat(text("#applicant-role")).startsWith("This form covers 4 people.");
		assertThat(driver.findElements(By.cssSelector("input[type=checkbox]"))).isEmpty();
		assertThat(driver.findElement(By.tagName("main")).getText()).doesNotContain("大阪");
	}

	private void type(String keys) {
		focused().sendKeys(keys);
	}
}
