package org.madoguchi.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.madoguchi.MadoguchiTest;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/** The city's official decides a checked case on its case view; operator staff are not even offered the decision. */
@MadoguchiTest
class CaseworkDecisionBrowserTest extends CaseworkBrowserTest {

	@Test
	void anOfficialDecidesAndAClerkIsNotOfferedTheDecision() {
		String number = newMailedCase();
		move("kobe-clerk", number, Map.of("transition", "key-request", "data", form(1)));
		assertThat(move("kobe-checker", number, Map.of("transition", "key-request", "data", form(1)))).isEqualTo("checking");
		assertThat(move("kobe-checker", number, Map.of("transition", "pass-check"))).isEqualTo("awaiting-decision");

		signIn("kobe-clerk", false);
		open(casePath(number));
		assertThat(text("#case-state")).isEqualTo("交付決定待ち");
		assertThat(driver.findElements(By.id("decision"))).isEmpty();
		assertThat(driver.findElements(By.id("move-approve-issuance"))).isEmpty();
		assertThat(driver.findElements(By.id("move-refuse-issuance"))).isEmpty();
		screenshot("casework-decision-as-clerk");
		signOut();

		signIn("kobe-official", true);
		open(casePath(number));
		assertThat(text("#decision")).contains("決定").contains("交付決定").contains("交付しない決定");
		assertThat(text("#case-data")).contains("住民票の写し").contains("勤務先への提出");
		screenshot("casework-decision-as-official");

		var reason = find("#reason-approve-issuance");
		reason.sendKeys("本人確認済み", Keys.ENTER);
		awaitPath(casePath(number));
		find("#notice");
		assertThat(text("#notice")).contains("「交付決定」を行いました").contains("発行中");
		assertThat(text("#case-state")).isEqualTo("発行中");
		var lastRow = driver.findElements(By.cssSelector("#timeline tbody tr")).getLast().getText();
		assertThat(lastRow).contains("kobe-official").contains("交付決定").contains("本人確認済み");
		assertThat(driver.findElements(By.id("decision"))).isEmpty();
		screenshot("casework-decided");

		open(casePath(number) + "?lang=en");
		assertThat(text("h1")).contains("Case ");
		assertThat(text("#case-state")).isEqualTo("Issuing");
		assertThat(timelineText()).contains("Approve issuance");
		screenshot("casework-decided-en");
	}
}
