package org.madoguchi.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.madoguchi.MadoguchiTest;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/** A checker marks a missing return envelope as deficient from the keyboard; the case waits on the resident with its clock paused. */
@MadoguchiTest
class CaseworkDeficiencyBrowserTest extends CaseworkBrowserTest {

	@Test
	void aCheckerMarksAnAttachmentDeficient() {
		String number = newMailedCase();
		move("kobe-clerk", number, Map.of("transition", "key-request", "data", form(1)));
		assertThat(move("kobe-checker", number, Map.of("transition", "key-request", "data", form(1)))).isEqualTo("checking");

		signIn("kobe-checker", true);
		open(casePath(number));
		assertThat(text("#case-state")).isEqualTo("審査中");
		assertThat(text("#actions")).contains("審査完了").contains("不備あり（差し戻し）");

		// a field or document without a reason is refused on the page, and what was chosen stays chosen
		find("#target-0").sendKeys("添付：返信用封筒");
		find("#deficiency-reason").sendKeys("返信用封筒が同封されていない", Keys.ENTER);
		find("#errors-find-deficiency");
		assertThat(text("#errors-find-deficiency")).contains("不備の理由").contains("必須項目です。");
		assertThat(driver.findElement(By.id("target-0")).getDomProperty("value")).isEqualTo("attachments.return-envelope");
		screenshot("casework-deficiency-error");

		find("#cause-0").sendKeys("返信用封筒なし");
		assertThat(driver.findElement(By.id("cause-0")).getDomProperty("value")).isEqualTo("no-return-envelope");
		find("#deficiency-reason").sendKeys("返信用封筒が同封されていない", Keys.ENTER);

		find("#notice");
		assertThat(text("#case-state")).isEqualTo("補正待ち");
		assertThat(text("#case-summary")).contains("停止中");
		assertThat(timelineText()).contains("kobe-checker").contains("不備あり（差し戻し）")
			.contains("不備：返信用封筒（切手貼付）（返信用封筒なし・切手不足）").contains("返信用封筒が同封されていない");
		assertThat(text("#letters")).contains("不備のお知らせ").contains("PDFを開く");
		screenshot("casework-deficiency-marked");
	}
}
