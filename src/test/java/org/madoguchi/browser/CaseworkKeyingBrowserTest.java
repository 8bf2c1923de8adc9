package org.madoguchi.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.madoguchi.Api;
import org.madoguchi.MadoguchiTest;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/** A clerk keys a mailed request from the paper with the keyboard alone, trips over an impossible era date, and fixes it. */
@MadoguchiTest
class CaseworkKeyingBrowserTest extends CaseworkBrowserTest {

	@Test
	void aClerkKeysAMailedFormWithTheKeyboardOnly() {
		String number = newMailedCase();
		signIn("kobe-clerk", false);

		open("/municipalities/" + KOBE + "/work");
		assertThat(text("h1")).isEqualTo("神戸市の作業一覧");
		assertThat(text("#queue-intake")).contains("郵送請求の入力");
		screenshot("casework-worklist");

		// the case number from the envelope's label, typed with hyphens, opens the case
		find("#case-number").sendKeys(number.substring(0, 2) + "-" + number.substring(2, 10) + "-" + number.substring(10), Keys.ENTER);
		awaitPath(casePath(number));
		assertThat(text("#case-state")).isEqualTo("受付");
		assertThat(text("main")).contains("まだ入力されていません。");
		find("#key-key-request").sendKeys(Keys.ENTER);
		awaitPath(casePath(number) + "/key");
		assertThat(text("h1")).contains("請求書入力");

		awaitFocusOn("f-requester-name");
		assertThat(driver.findElement(By.id("f-copies")).getDomAttribute("inputmode")).isEqualTo("numeric");
		assertThat(driver.findElement(By.id("f-requester-phone")).getDomAttribute("inputmode")).isEqualTo("tel");
		assertThat(driver.findElement(By.id("f-returnEnvelope")).getDomAttribute("aria-required")).isEqualTo("true");
		assertThat(driver.findElements(By.cssSelector("#keying-form input:not([type=hidden]), #keying-form select")))
			.as("every input has its label").allSatisfy(input -> assertThat(
					driver.findElements(By.cssSelector("label[for='" + input.getDomAttribute("id") + "']"))).hasSize(1));
		type("髙橋 花子", "タカハシ ハナコ", "平成32年1月1日", "650-0001", "神戸市中央区加納町6丁目5番1号", "078-331-8181");
		assertThat(focused().getTagName()).isEqualTo("select");
		type("本人", "", "", "住民票の写し", "世帯全員", "はい", "いいえ", "いいえ", "勤務先への提出", "1", "300", today());
		assertThat(focused().getDomAttribute("id")).isEqualTo("f-returnEnvelope");
		focused().sendKeys("はい", Keys.TAB);
		assertThat(focused().getDomAttribute("id")).as("after the last field comes the submit button").isEqualTo("keying-submit");
		screenshot("casework-keying-typed");
		focused().sendKeys(Keys.ENTER);

		// 平成 ended in its 31st year: the error stands next to the field, which has the focus; nothing typed is lost
		find("#error-summary");
		var birthDate = driver.findElement(By.id("f-requester-birthDate"));
		assertThat(text("#f-requester-birthDate-error")).isNotBlank();
		assertThat(birthDate.getDomAttribute("aria-describedby")).contains("f-requester-birthDate-error").contains("f-requester-birthDate-hint");
		assertThat(birthDate.getDomAttribute("aria-invalid")).isEqualTo("true");
		assertThat(text("#error-summary")).contains("生年月日");
		assertThat(driver.findElements(By.cssSelector(".field-error"))).hasSize(1);
		awaitFocusOn("f-requester-birthDate");
		assertThat(birthDate.getDomProperty("value")).isEqualTo("平成32年1月1日");
		assertThat(driver.findElement(By.id("f-requester-name")).getDomProperty("value")).isEqualTo("髙橋 花子");
		assertThat(driver.findElement(By.id("f-requester-relationship")).getDomProperty("value")).isEqualTo("self");
		assertThat(driver.findElement(By.id("f-certificate-includeDomicile")).getDomProperty("value")).isEqualTo("false");
		assertThat(driver.findElement(By.id("f-copies")).getDomProperty("value")).isEqualTo("1");
		screenshot("casework-keying-error");

		// corrected in place as the resident wrote it in the era calendar; Enter in the field submits the form
		focused().sendKeys(Keys.chord(Keys.CONTROL, "a"), "昭和60年4月1日", Keys.ENTER);

		awaitPath(casePath(number));
		assertThat(text("#notice")).contains("1回目の入力を登録しました");
		assertThat(text("#case-state")).isEqualTo("受付");
		assertThat(timelineText()).contains("kobe-clerk").contains("1回目の入力");
		assertThat(text("main")).contains("あなたはこの案件の1回目を入力しました");
		assertThat(driver.findElements(By.id("key-key-request"))).as("round 2 is someone else's").isEmpty();
		screenshot("casework-case-after-round-1");

		// the next task of the queue is never this case again: round 2 is someone else's
		clickAndAwaitNewPage(find("#next-in-queue"));
		assertThat(path()).matches("/municipalities/" + KOBE + "/(work|cases/\\d{11}/key)");
		assertThat(path()).doesNotContain(number);

		// nor can the keyer reach the keying screen of this case by its address
		open(casePath(number) + "/key");
		awaitPath(casePath(number));
		assertThat(text("#problem")).isEqualTo("同じ人が2回目の入力やその照合を行うことはできません。");
	}

	@Test
	void aGroupGetsAnotherRowWithoutLosingWhatWasTyped() {
		var api = new Api(port);
		var opened = api.send("POST", CASES, api.token("kobe-clerk"),
				Api.json(Map.of("procedure", "move-in-notification", "channel", "counter", "data", Map.of())), "ja",
				Map.of("Idempotency-Key", "browser-group-" + System.nanoTime()));
		assertThat(opened.status()).as(opened.body()).isEqualTo(201);
		String number = opened.json().get("caseNumber").asString();
		signIn("kobe-clerk", false);

		open(casePath(number) + "/key?transition=key-notification");
		assertThat(driver.findElements(By.cssSelector("fieldset.keying-group legend"))).extracting(e -> e.getText()).containsExactly("異動者 1");
		find("#f-members-0-name").sendKeys("髙橋 花子");
		find("#add-members").sendKeys(Keys.ENTER);

		await("a second row", d -> d.findElements(By.cssSelector("fieldset.keying-group")).size() == 2);
		awaitFocusOn("f-members-1-name");
		assertThat(driver.findElement(By.id("f-members-0-name")).getDomProperty("value")).isEqualTo("髙橋 花子");
		assertThat(text("label[for='f-members-1-birthDate']")).contains("生年月日");
		focused().sendKeys("髙橋 太郎");
		screenshot("casework-keying-group");
	}

	/** Types each value into the focused input and moves on with Tab; in a list, typing picks the choice. */
	private void type(String... values) {
		for (String value : values) {
			focused().sendKeys(value, Keys.TAB);
		}
	}
}
