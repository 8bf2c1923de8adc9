package org.madoguchi.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.madoguchi.MadoguchiTest;
import org.openqa.selenium.By;

/** Five wrong passwords in a row lock a (fresh) account: then even the right password is refused. */
@MadoguchiTest
class LockOutBrowserTest extends BrowserTestSupport {

	@Test
	void fiveWrongPasswordsLockTheAccount() {
		String password = "Kawasemi-Hotaru-3141";
		String username = newOperator("OPERATOR_CLERK", password);

		for (int attempt = 1; attempt <= 4; attempt++) {
			logIn(username, "wrong-password-" + attempt);
			awaitPage("/login", "error");
			assertThat(text(".error[role=alert]")).isEqualTo("ユーザー名またはパスワードが違います。");
		}
		logIn(username, "wrong-password-5");
		awaitPage("/login", "locked"); // the fifth failure locks at once
		assertThat(text(".error[role=alert]")).contains("ロック");

		logIn(username, password);
		awaitPage("/login", "locked");
		assertThat(text(".error[role=alert]")).contains("ロック");
		assertThat(driver.findElements(By.id("logout"))).isEmpty();

		open("/");
		awaitPath("/login");
	}
}
