package org.madoguchi.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.madoguchi.Api;
import org.madoguchi.MadoguchiTest;
import org.madoguchi.documents.PdfReading;
import org.madoguchi.japan.WarekiDate;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** A certificate requested by mail goes back with a cover letter saying what the envelope holds and what was paid. */
@MadoguchiTest
class CertificateCoverLetterTest {

	private static final String BASE = "/api/v1/municipalities/281000";

	@LocalServerPort
	int port;

	private Api.Response move(Api api, String user, String number, Map<String, Object> move) {
		var moved = api.post(BASE + "/cases/" + number + "/transitions", api.token(user), Api.json(move));
		assertThat(moved.status()).as(moved.body()).isEqualTo(200);
		return moved;
	}

	@Test
	void issuingTheCertificateMailsACoverLetterToTheRequesterListingTheCopiesAndTheFee() {
		var api = new Api(port);
		var opened = api.send("POST", BASE + "/cases", api.token("kobe-clerk"),
				Api.json(Map.of("procedure", "resident-certificate-by-mail", "channel", "mail", "data", Map.of())), "ja",
				Map.of("Idempotency-Key", "certificate-" + System.nanoTime()));
		assertThat(opened.status()).as(opened.body()).isEqualTo(201);
		String number = opened.json().get("caseNumber").asString();
		var form = MailedRequestLifecycleTest.form(2);
		move(api, "kobe-clerk", number, Map.of("transition", "key-request", "data", form));
		move(api, "kobe-checker", number, Map.of("transition", "key-request", "data", form));
		move(api, "kobe-checker", number, Map.of("transition", "pass-check"));
		move(api, "kobe-official", number, Map.of("transition", "approve-issuance"));
		var issued = move(api, "kobe-clerk", number, Map.of("transition", "issue-certificate"));
		assertThat(issued.json().get("state").asString()).isEqualTo("mailing");

		var letters = api.get(BASE + "/letters?caseNumber=" + number, api.token("kobe-clerk")).json();
		JsonNode cover = letters.valueStream().filter(l -> l.get("type").asString().equals("certificate")).findFirst().orElseThrow(
				() -> new AssertionError("no certificate letter among " + letters));
		var batch = api.get(BASE + "/mailing-batches/" + cover.get("batchId").asLong(), api.token("kobe-clerk")).json();
		assertThat(batch.get("type").asString()).isEqualTo("certificate");

		String text = PdfReading.text(api.download(BASE + "/letters/" + cover.get("id").asLong() + ".pdf", api.token("kobe-clerk")));
		String letterDate = WarekiDate.format(LocalDate.parse(cover.get("date").asString()));
		assertThat(text).contains("証明書送付のご案内", letterDate, "〒650-0001", "神戸市中央区加納町6丁目5番1号", "髙橋 花子 様", number,
				"住民票の写し（世帯全員）", "2通", "600円");
		assertThat(text).doesNotContain("令和1年");
	}
}
