package org.madoguchi.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.madoguchi.MadoguchiTest;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/** Two keyings of a mailed request disagree on one field; a supervisor who keyed neither round settles it from the paper. */
@MadoguchiTest
class CaseworkConflictBrowserTest extends CaseworkBrowserTest {

	@Test
	void aCheckerResolvesADoubleKeyingConflict() {
		String number = newMailedCase();
		assertThat(move("kobe-clerk", number, Map.of("transition", "key-request", "data", form(1)))).isEqualTo("received");
		assertThat(move("kobe-checker", number, Map.of("transition", "key-request", "data", form(2)))).isEqualTo("received");

		signIn("kobe-supervisor", true);
		open("/work");
		awaitPath("/municipalities/" + KOBE + "/work");
		assertThat(text("#queue-keying-conflicts")).contains("入力不一致の照合");
		// "next task" claims the most urgent conflict (perhaps another test's) and opens its resolve screen
		clickAndAwaitNewPage(find("#next-keying-conflicts"));
		assertThat(path()).startsWith("/municipalities/" + KOBE + "/cases/").endsWith("/resolve");
		find("#keying-form");
		open(casePath(number));
		assertThat(timelineText()).contains("kobe-clerk").contains("kobe-checker").contains("1回目と一致しない項目：通数");
		screenshot("casework-case-conflict");

		find("#resolve").sendKeys(Keys.ENTER);
		awaitPath(casePath(number) + "/resolve");
		assertThat(text("h1")).contains("入力不一致の照合");
		// only the differing field is asked for, empty: neither keyer's value is on the page
		var inputs = driver.findElements(By.cssSelector("#keying-form .field input[id^='f-'], #keying-form .field select"));
		assertThat(inputs).extracting(e -> e.getDomAttribute("id")).containsExactly("f-copies");
		assertThat(inputs.get(0).getDomProperty("value")).isEmpty();
		assertThat(text("label[for='f-copies']")).contains("通数");
		awaitFocusOn("f-copies");

		// Enter with nothing typed is caught on the page
		focused().sendKeys(Keys.ENTER);
		find("#f-copies-error");
		awaitFocusOn("f-copies");
		screenshot("casework-resolve-error");

		focused().sendKeys("1", Keys.ENTER);
		awaitPath(casePath(number));
		assertThat(text("#notice")).contains("照合結果を登録しました");
		assertThat(text("#case-state")).isEqualTo("審査中");
		assertThat(timelineText()).contains("kobe-supervisor").contains("入力不一致の照合").contains("入力者：kobe-clerk, kobe-checker");
		assertThat(text("#case-data")).contains("通数").contains("髙橋 花子").contains("8181").doesNotContain("078-331-8181");
		assertThat(driver.findElements(By.id("resolve"))).isEmpty();
		screenshot("casework-case-resolved");

		open("/board");
		awaitPath("/municipalities/" + KOBE + "/board");
		assertThat(text("h1")).isEqualTo("神戸市の進捗ボード");
		assertThat(text("#backlog")).contains("審査").contains("未完了").contains("最も早い期限");
		screenshot("casework-board");
	}

	@Test
	void aKeyerIsNotOfferedTheConflictOfTheirOwnCase() {
		String number = newMailedCase();
		move("kobe-clerk", number, Map.of("transition", "key-request", "data", form(1)));
		move("kobe-checker", number, Map.of("transition", "key-request", "data", form(3)));

		signIn("kobe-checker", true);
		open(casePath(number));
		assertThat(text("#actions")).contains("入力していない照合担当者が確認します");
		assertThat(driver.findElements(By.id("resolve"))).isEmpty();
		open(casePath(number) + "/resolve");
		find("#keying-form");
		focused().sendKeys("1", Keys.ENTER);
		assertThat(text("#error-summary")).contains("同じ人が2回目の入力やその照合を行うことはできません。");
	}
}
