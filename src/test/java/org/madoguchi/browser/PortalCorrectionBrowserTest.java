package org.madoguchi.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

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
 * A household head gives another account after the status page said it is needed, with nothing but the
 * keyboard: status → the correction's three steps → done, and the status look-up then tells the new status.
 * A deficiency that an account cannot cure gets no form, only the word that the office will be in touch.
 */
@MadoguchiTest
class PortalCorrectionBrowserTest extends BrowserTestSupport {

	@Override
	String acceptLanguages() {
		return "ja,en;q=0.8"; // a phone set up in Japanese
	}

	@Test
	void theHeadCorrectsADeficientAccountInJapaneseOnAPhone() {
		var api = new Api(port);
		var city = PortalCity.open(api, 4);
		city.mailRaw(api, PortalCity.header() + "\r\n" + String.join(",", city.number(1), "", "0001", "999", "1", "1234567", "大阪 太郎",
				"06-1234-5678", PortalCity.TODAY.toString()) + "\r\n");
		driver.manage().window().setSize(new Dimension(390, 844));

		open("/portal/status?municipality=" + BenefitCity.OSAKA);
		lookUp(city.number(1), city.birthDate(1, 0));
		assertThat(text("#status-name")).isEqualTo("修正が必要");
		assertThat(text("#corrections")).contains("支店コード");
		tabTo("correct-account");
		assertThat(focused().getText()).isEqualTo("別の口座を届け出る");
		pressAndAwaitNewPage(Keys.ENTER);

		awaitPath("/portal/correct");
		assertThat(text("h1")).isEqualTo("振込先口座の届出");
		assertThat(text(".steps .current")).isEqualTo("本人確認");
		assertThat(focused().getDomAttribute("id")).as("number and city came with the link").isEqualTo("birth-year");
		typeBirthDate(city.birthDate(1, 0));
		pressAndAwaitNewPage(Keys.ENTER);

		awaitPath("/portal/correct/account");
		assertThat(text(".steps .current")).isEqualTo("新しい口座の入力");
		assertThat(text("#why")).contains("この支店コードは見つかりません");
		assertThat(focused().getDomAttribute("id")).isEqualTo("bankCode");
		type("0005");
		tab();
		type("999"); // no such branch: refused next to the field
		tab();
		assertThat(focused().getDomAttribute("id")).as("the account type's checked choice").isEqualTo("accountType-1");
		tab();
		type("7654321");
		tab();
		type("オオサカ タロウ");
		pressAndAwaitNewPage(Keys.ENTER);

		assertThat(focused().getDomAttribute("id")).as("the error summary takes the focus").isEqualTo("error-summary");
		assertThat(text("#error-summary")).contains("支店コード");
		assertThat(find("#error-summary a").getDomAttribute("href")).isEqualTo("#branchCode");
		assertThat(text("#branchCode-error")).contains("エラー：");
		assertThat(find("#branchCode").getDomAttribute("aria-invalid")).isEqualTo("true");
		assertThat(find("#accountHolderKana").getDomProperty("value")).as("what was typed is kept").isEqualTo("オオサカ タロウ");
		saveScreenshot("portal-correct-account-error.png");
		tabTo("branchCode");
		new Actions(driver).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).perform();
		type("001");
		pressAndAwaitNewPage(Keys.ENTER);

		awaitPath("/portal/correct/confirm");
		assertThat(text("#confirm-bankCode")).isEqualTo("0005");
		assertThat(text("#confirm-holder")).isEqualTo("オオサカ タロウ");
		saveScreenshot("portal-correct-confirm.png");
		tabTo("correct-submit");
		pressAndAwaitNewPage(Keys.ENTER);

		awaitPath("/portal/correct/done");
		assertThat(text("h1")).isEqualTo("新しい口座を受け付けました");
		assertThat(text("#status-name")).isEqualTo("受付済み");
		assertThat(find("#result").getDomAttribute("aria-live")).isEqualTo("polite");
		saveScreenshot("portal-correct-done.png");
		tabTo("go-status");
		pressAndAwaitNewPage(Keys.ENTER);

		awaitPath("/portal/status");
		lookUp(city.number(1), city.birthDate(1, 0));
		assertThat(text("#status-name")).isEqualTo("受付済み");
		assertThat(driver.findElements(By.id("correct-account"))).isEmpty();
	}

	@Test
	void theHeadGivesAJapanPostAccountForAReturnedTransferInVietnamese() {
		var api = new Api(port);
		var city = PortalCity.open(api, 4);
		city.mail(api, 2);
		city.payAndReturn(api, 2);

		open("/portal/status?municipality=" + BenefitCity.OSAKA + "&lang=vi");
		assertThat(htmlLang()).isEqualTo("vi");
		lookUp(city.number(2), city.birthDate(2, 0));
		assertThat(text("#status-name")).isEqualTo("Chuyển khoản không thành công");
		tabTo("correct-account");
		assertThat(focused().getText()).isEqualTo("Cho biết tài khoản khác");
		pressAndAwaitNewPage(Keys.ENTER);

		awaitPath("/portal/correct");
		assertThat(htmlLang()).as("the language chosen stays").isEqualTo("vi");
		assertThat(text("h1")).isEqualTo("Đăng ký tài khoản nhận tiền");
		typeBirthDate(city.birthDate(2, 0));
		pressAndAwaitNewPage(Keys.ENTER);

		awaitPath("/portal/correct/account");
		assertThat(text("#why")).contains("Không thể chuyển tiền vào tài khoản");
		type("9900");
		tab();
		type("10170"); // ゆうちょ: 記号 in the branch box, 番号 in the number box
		tab();
		tab();
		type("12345671");
		tab();
		type("ｵｵｻｶ ﾀﾛｳ");
		pressAndAwaitNewPage(Keys.ENTER);

		awaitPath("/portal/correct/confirm");
		assertThat(text(".steps .current")).isEqualTo("Xác nhận và gửi");
		tabTo("correct-submit");
		pressAndAwaitNewPage(Keys.ENTER);

		awaitPath("/portal/correct/done");
		assertThat(text("#status-name")).isEqualTo("Đã quyết định chi trả");
		tabTo("go-status");
		pressAndAwaitNewPage(Keys.ENTER);
		lookUp(city.number(2), city.birthDate(2, 0));
		assertThat(text("#status-name")).isEqualTo("Đã quyết định chi trả");
	}

	@Test
	void aDeficiencyAnAccountCannotCureGetsNoFormButTheWordThatTheOfficeWillCall() {
		var api = new Api(port);
		var city = PortalCity.open(api, 4);
		// household 3's application came from a member who is not the head
		var applied = api.send("POST", "/api/v1/portal/applications", null, Api.json(Map.of("municipality", BenefitCity.OSAKA, "application",
				city.number(3), "birthDate", city.birthDate(3, 1), "bankCode", "0001", "branchCode", "001", "accountType", "1", "accountNumber",
				"1234567", "accountHolderKana", "オオサカ タロウ", "phone", "06-1234-5678")), "ja", Map.of("Idempotency-Key", "member-3"));
		assertThat(applied.status()).as(applied.body()).isEqualTo(201);

		open("/portal/status?municipality=" + BenefitCity.OSAKA + "&lang=en");
		lookUp(city.number(3), city.birthDate(3, 0));
		assertThat(text("#status-name")).isEqualTo("Correction needed");
		assertThat(text("#office-will-contact")).contains("will contact you");
		assertThat(driver.findElements(By.id("correct-account"))).isEmpty();

		open("/portal/correct?municipality=" + BenefitCity.OSAKA + "&application=" + city.number(3));
		typeBirthDate(city.birthDate(3, 0));
		pressAndAwaitNewPage(Keys.ENTER);
		assertThat(text("#not-offered-reason")).contains("will contact you");
		assertThat(driver.findElements(By.id("bankCode"))).isEmpty();
	}

	/** From the status form's first empty box: the number (if asked for), then the date's three boxes, then Enter. */
	private void lookUp(String number, String birthDate) {
		assertThat(focused().getDomAttribute("id")).isEqualTo("application");
		type(number);
		tab();
		typeBirthDate(birthDate);
		pressAndAwaitNewPage(Keys.ENTER);
	}

	/** Types a date into the year box that has the focus, and Tabs on to the month and the day. */
	private void typeBirthDate(String birthDate) {
		String[] date = birthDate.split("-");
		assertThat(focused().getDomAttribute("id")).isEqualTo("birth-year");
		type(date[0]);
		tab();
		type(date[1]);
		tab();
		type(date[2]);
	}

	private void type(String keys) {
		new Actions(driver).sendKeys(keys).perform();
	}
}
