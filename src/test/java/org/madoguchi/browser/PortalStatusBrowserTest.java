package org.madoguchi.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.madoguchi.Api;
import org.madoguchi.MadoguchiTest;
import org.madoguchi.benefits.BenefitCity;
import org.madoguchi.portal.PortalCity;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/** A resident looks up a status on the portal, in Japanese and in English, and wrong birth dates lock the number. */
@MadoguchiTest
class PortalStatusBrowserTest extends BrowserTestSupport {

	@Override
	String acceptLanguages() {
		return "ja,en;q=0.8"; // a phone set up in Japanese
	}

	@Test
	void aResidentLooksUpTheStatusInJapaneseAndInEnglish() {
		var city = PortalCity.open(new Api(port), 6);
		city.mail(new Api(port), 1);

		open("/portal/status?municipality=" + BenefitCity.OSAKA);
		assertThat(htmlLang()).isEqualTo("ja");
		assertThat(text("h1")).isEqualTo("申請状況の確認");
		assertThat(find("#municipality").getDomProperty("value")).isEqualTo(BenefitCity.OSAKA);
		lookUp(city.number(1), city.birthDate(1, 0));
		assertThat(text("#status-name")).isEqualTo("受付済み");
		assertThat(text("#status-message")).contains("申請を受け付けました");
		assertThat(find("#result").getDomAttribute("aria-live")).isEqualTo("polite");

		clickAndAwaitNewPage(find("a[lang=en]"));
		await("the page in English", d -> "en".equals(htmlLang()));
		assertThat(text("h1")).isEqualTo("Check your application status");
		assertThat(text("label[for=application]")).isEqualTo("Application number");
		lookUp(city.number(1), city.birthDate(1, 0));
		assertThat(text("#status-name")).isEqualTo("Received");
		assertThat(text("#status-message")).contains("waiting for the decision");
		saveScreenshot("portal-status-en.png");

		// the address of the contract answers directly, in the language remembered
		open("/portal/status?municipality=" + BenefitCity.OSAKA + "&application=" + city.number(2) + "&birthDate=" + city.birthDate(2, 0));
		assertThat(text("#status-name")).isEqualTo("Not received yet");
		open("/portal/status?lang=zh-CN");
		assertThat(htmlLang()).isEqualTo("zh-CN");
		assertThat(text("h1")).isEqualTo("查询申请状态");
	}

	@Test
	void fiveWrongBirthDatesLockTheNumberAndThePageSaysSo() {
		var city = PortalCity.open(new Api(port), 4);
		open("/portal/status?municipality=" + BenefitCity.OSAKA);
		for (int attempt = 1; attempt <= 5; attempt++) {
			lookUp(city.number(3), "1960-0" + attempt + "-01");
			assertThat(text("#refusal")).contains("申請番号または生年月日が正しくありません");
			assertThat(find("#refusal").getDomAttribute("data-code")).isEqualTo("not_found");
			assertThat(driver.findElements(By.id("status-name"))).isEmpty();
		}
		lookUp(city.number(3), "1960-06-01");
		assertThat(text("#refusal")).contains("30分間");
		assertThat(find("#refusal").getDomAttribute("role")).isEqualTo("alert");
		saveScreenshot("portal-status-locked.png");

		lookUp(city.number(3), city.birthDate(3, 0));
		assertThat(find("#refusal").getDomAttribute("data-code")).isEqualTo("locked");
		assertThat(driver.findElements(By.id("status-name"))).isEmpty();
	}

	/** Types the number and the date's three boxes, and submits with Enter from the last box. */
	private void lookUp(String number, String birthDate) {
		var parts = birthDate.split("-");
		var application = find("#application");
		application.clear();
		application.sendKeys(number);
		find("#birth-year").sendKeys(parts[0]);
		find("#birth-month").sendKeys(parts[1]);
		var day = find("#birth-day");
		day.sendKeys(parts[2]);
		var before = driver.findElement(By.tagName("html"));
		day.sendKeys(Keys.ENTER);
		await("the answer", d -> !d.findElement(By.tagName("html")).equals(before));
	}
}
