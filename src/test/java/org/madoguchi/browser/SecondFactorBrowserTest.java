package org.madoguchi.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.madoguchi.Api;
import org.madoguchi.MadoguchiTest;
import org.madoguchi.identity.Totp;
import org.openqa.selenium.By;

/** The one-time code step: a wrong code, and first-time enrolment of an authenticator app. */
@MadoguchiTest
class SecondFactorBrowserTest extends BrowserTestSupport {

	@Test
	void wrongCodeShowsAnErrorAndDoesNotSignIn() {
		logIn("kobe-official", DEMO_PASSWORD);
		awaitPath("/login/second-factor");

		submitCode(wrongCode(Totp.fromBase32(Api.DEMO_TOTP_SECRET)));

		assertThat(text(".error[role=alert]")).isEqualTo("確認コードが正しくありません。");
		assertThat(path()).isEqualTo("/login/second-factor");
		assertThat(text("h1")).isEqualTo("確認コードの入力");
		assertThat(driver.findElements(By.id("logout"))).isEmpty();

		open("/");
		awaitPath("/login/second-factor"); // still only half signed in
		assertThat(driver.findElements(By.id("roles"))).isEmpty();
	}

	/** Six digits that are none of the codes the server would accept now or in the next few seconds. */
	private static String wrongCode(byte[] secret) {
		long now = Totp.stepAt(Instant.now());
		var valid = LongStream.rangeClosed(now - 2, now + 2).mapToObj(step -> Totp.code(secret, step)).toList();
		return LongStream.range(0, 10).mapToObj(n -> "%06d".formatted(n * 111_111)).filter(c -> !valid.contains(c))
			.findFirst().orElseThrow();
	}

	@Test
	void newCheckerEnrolsThenIsAskedForTheCode() {
		String password = "Hoshizora-Tsubame-2718";
		String username = newOperator("OPERATOR_CHECKER", password);

		logIn(username, password);
		awaitPath("/login/enrol");
		assertThat(text("h1")).isEqualTo("二要素認証の登録");
		assertThat(driver.findElements(By.cssSelector("figure.qr svg"))).as("QR code").hasSize(1);
		String shown = text("#totp-secret");
		assertThat(shown).matches("[A-Z2-7]{4}( [A-Z2-7]{1,4})+");
		byte[] secret = Totp.fromBase32(shown);

		submitCode(Totp.code(secret, Instant.now()));
		awaitPath("/");
		assertThat(text("h1")).contains("ブラウザ試験 OPERATOR_CHECKER");
		assertThat(text("#roles")).contains("ベリファイ担当");

		clickAndAwaitNewPage(find("#logout"));
		awaitPage("/login", "logout");

		logIn(username, password);
		awaitPath("/login/second-factor");
		assertThat(text("h1")).isEqualTo("確認コードの入力");
		// the enrolment code's step is used up: the next step's code counts as clock drift
		submitCode(Totp.code(secret, Totp.stepAt(Instant.now()) + 1));
		awaitPath("/");
		assertThat(text("h1")).contains("ブラウザ試験 OPERATOR_CHECKER");
	}
}
