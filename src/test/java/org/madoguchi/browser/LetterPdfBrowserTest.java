package org.madoguchi.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.madoguchi.Api;
import org.madoguchi.MadoguchiTest;
import org.madoguchi.casework.MailedRequestLifecycleTestData;
import org.madoguchi.japan.WarekiDate;
import org.openqa.selenium.JavascriptExecutor;

/** A deficiency notice, opened by a clerk signed in on the web: the PDF carries the era date and the address. */
@MadoguchiTest
class LetterPdfBrowserTest extends BrowserTestSupport {

	@Test
	void theDeficiencyNoticeOpensAsAPdfWithTheEraDateAndTheAddress() throws Exception {
		var api = new Api(port);
		String base = "/api/v1/municipalities/281000";
		var opened = api.send("POST", base + "/cases", api.token("kobe-clerk"),
				Api.json(Map.of("procedure", "resident-certificate-by-mail", "channel", "mail", "data", Map.of())), "ja",
				Map.of("Idempotency-Key", "pdf-" + System.nanoTime()));
		String number = opened.json().get("caseNumber").asString();
		var form = MailedRequestLifecycleTestData.form();
		api.post(base + "/cases/" + number + "/transitions", api.token("kobe-clerk"), Api.json(Map.of("transition", "key-request", "data", form)));
		api.post(base + "/cases/" + number + "/transitions", api.token("kobe-checker"), Api.json(Map.of("transition", "key-request", "data", form)));
		var deficient = api.post(base + "/cases/" + number + "/transitions", api.token("kobe-checker"), Api.json(Map.of("transition",
				"find-deficiency", "deficiencies", java.util.List.of(Map.of("path", "returnEnvelope", "reason", "no-return-envelope")))));
		assertThat(deficient.status()).as(deficient.body()).isEqualTo(200);
		long letterId = api.get(base + "/letters?caseNumber=" + number, api.token("kobe-clerk")).json().get(0).get("id").asLong();

		open("/login");
		logIn("kobe-clerk", DEMO_PASSWORD);
		awaitPath("/");
		// the browser fetches the PDF with its own session, as a click on the letter link does
		String url = "/municipalities/281000/letters/" + letterId + ".pdf";
		Object fetched = ((JavascriptExecutor) driver).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch(arguments[0]).then(r => r.arrayBuffer().then(b => {
				  let s = ''; new Uint8Array(b).forEach(x => s += String.fromCharCode(x));
				  done(r.status + '|' + r.headers.get('Content-Type') + '|' + btoa(s));
				})).catch(e => done('error|' + e));
				""", url);
		String[] parts = fetched.toString().split("\\|", 3);
		assertThat(parts[0]).isEqualTo("200");
		assertThat(parts[1]).isEqualTo("application/pdf");
		try (var pdf = Loader.loadPDF(Base64.getDecoder().decode(parts[2]))) {
			String text = new PDFTextStripper().getText(pdf);
			assertThat(text).contains(WarekiDate.format(LocalDate.now(ZoneId.of("Asia/Tokyo"))));
			assertThat(text).contains("〒650-0001").contains("神戸市中央区加納町");
			assertThat(text).contains("髙橋");
		}
	}
}
