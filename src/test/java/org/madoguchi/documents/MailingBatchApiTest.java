package org.madoguchi.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.madoguchi.Api;
import org.madoguchi.MadoguchiTest;
import org.madoguchi.audit.AuditFilter;
import org.madoguchi.audit.AuditLog;
import org.madoguchi.platform.TenantScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The letters and mailing-batch API as a clerk, a supervisor and an official of 神戸市 use it. */
@MadoguchiTest
class MailingBatchApiTest {

	static final String KOBE_API = "/api/v1/municipalities/281000";

	@LocalServerPort
	int port;
	@Autowired
	MailingBatches batches;
	@Autowired
	AuditLog auditLog;

	@Test
	void aLetterPostedByAClerkGoesThroughCloseManifestAndMailedWithTheRightCount() throws Exception {
		var api = new Api(port);
		var letter = post(api, "kobe-clerk", "deferral-notice", "26-00000001-3", null);
		assertThat(letter.status()).as(letter.body()).isEqualTo(201);
		long batch = letter.json().get("batchId").asLong();
		String supervisor = api.token("kobe-supervisor");

		assertThat(api.get(KOBE_API + "/mailing-batches?state=open", api.token("kobe-official")).json().valueStream()
			.map(b -> b.get("id").asLong())).contains(batch);
		assertThat(api.get(KOBE_API + "/mailing-batches/" + batch + "/manifest.csv", supervisor).status()).isEqualTo(409);
		var closed = api.post(KOBE_API + "/mailing-batches/" + batch + "/close", supervisor, null);
		assertThat(closed.status()).as(closed.body()).isEqualTo(200);
		assertThat(closed.json().get("state").asString()).isEqualTo("closed-for-print");
		int count = closed.json().get("letterCount").asInt();

		var manifest = download(supervisor, KOBE_API + "/mailing-batches/" + batch + "/manifest.csv");
		assertThat(manifest.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).containsIgnoringCase("windows-31j"));
		assertThat(new String(manifest.body(), Manifest.CP932).split("\r\n")).hasSize(count + 1);

		var wrong = api.post(KOBE_API + "/mailing-batches/" + batch + "/mailed", supervisor, Api.json(Map.of("counted", count + 1)));
		assertThat(wrong.status()).isEqualTo(409);
		assertThat(wrong.firstError()).isEqualTo("counted:count_mismatch");
		assertThat(wrong.json().get("errors").get(0).get("message").asString()).contains("一致しません");
		assertThat(api.get(KOBE_API + "/mailing-batches/" + batch, supervisor).json().get("state").asString()).isEqualTo("closed-for-print");

		var mailed = api.post(KOBE_API + "/mailing-batches/" + batch + "/mailed", supervisor, Api.json(Map.of("counted", count)));
		assertThat(mailed.status()).as(mailed.body()).isEqualTo(200);
		assertThat(mailed.json().get("state").asString()).isEqualTo("mailed");
		assertThat(mailed.json().get("mailedBy").asString()).isEqualTo("kobe-supervisor");
		var entries = TenantScope.call(List.of("281000"), () -> auditLog.find("281000",
				new AuditFilter(null, null, "kobe-supervisor", "mailing-batch.mailed", "mailing-batch", Long.toString(batch)), 0, 10));
		assertThat(entries.total()).isEqualTo(1);
	}

	@Test
	void theLetterPdfIsServedAsPdfAndItsReadingIsAudited() throws Exception {
		var api = new Api(port);
		long id = post(api, "kobe-clerk", "acknowledgement", "26-00000002-1", null).json().get("id").asLong();

		var pdf = download(api.token("kobe-official"), KOBE_API + "/letters/" + id + ".pdf");

		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
		assertThat(PdfReading.text(pdf.body())).contains("受付のお知らせ", "〒650-0001", "髙﨑 花子 様", "神戸市");
		var viewed = TenantScope.call(List.of("281000"), () -> auditLog.find("281000",
				new AuditFilter(null, null, "kobe-official", "letter.viewed", "letter", Long.toString(id)), 0, 10));
		assertThat(viewed.total()).isEqualTo(1);
	}

	@Test
	void aRetriedPostWithTheSameIdempotencyKeyGivesTheSameLetter() {
		var api = new Api(port);
		var first = post(api, "kobe-clerk", "decision-notice", "26-00000003-8", "decision:26-00000003-8");
		var again = post(api, "kobe-clerk", "decision-notice", "26-00000003-8", "decision:26-00000003-8");

		assertThat(first.status()).isEqualTo(201);
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json().get("id").asLong()).isEqualTo(first.json().get("id").asLong());
		assertThat(api.get(KOBE_API + "/letters?caseNumber=26-00000003-8", api.token("kobe-clerk")).json().size()).isEqualTo(1);
	}

	@Test
	void anInvalidLetterIsRefusedWithEveryProblemAtOnce() {
		var api = new Api(port);
		var body = Map.of("procedureId", "resident-certificate-by-mail", "type", "deficiency-notice", "caseNumber", "26-1",
				"recipient", Map.of("name", "髙﨑 花子", "postalCode", "65-0001", "addressLines", List.of("神戸市中央区")),
				"values", Map.of("items", List.of()));

		var response = api.send("POST", KOBE_API + "/letters", api.token("kobe-clerk"), Api.json(body), "en");

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.json().get("errors").valueStream().map(e -> e.get("path").asString() + ":" + e.get("code").asString()))
			.containsExactlyInAnyOrder("recipient.postalCode:format", "values.items:required", "values.deadline:required");
	}

	@Test
	void onlyTheOperatorSupervisorClosesAndMarksMailed() {
		var api = new Api(port);
		long batch = post(api, "kobe-clerk", "deficiency-notice", "26-00000004-6", null).json().get("batchId").asLong();

		for (String user : List.of("kobe-clerk", "kobe-checker", "kobe-official", "auditor")) {
			var response = api.post(KOBE_API + "/mailing-batches/" + batch + "/close", api.token(user), null);
			assertThat(response.status()).as(user).isEqualTo(403);
		}
		assertThat(api.get(KOBE_API + "/mailing-batches", api.token("auditor")).status()).isEqualTo(403);
	}

	@Test
	void anotherCitysBatchIsNotFoundThroughTheApi() {
		var api = new Api(port);
		var osakaLetter = TenantScope.call(List.of(Samples.OSAKA), () -> batches.add(Samples.request(Samples.OSAKA, "大阪市",
				"care-certification", LetterType.ACKNOWLEDGEMENT, "26-00000005-4", MailingBatchesTest.DATE)));
		String supervisor = api.token("kobe-supervisor");

		var viaKobe = api.get(KOBE_API + "/mailing-batches/" + osakaLetter.batchId(), supervisor);
		assertThat(viaKobe.status()).isEqualTo(404);
		assertThat(viaKobe.firstError()).isEqualTo("id:not_found");
		assertThat(api.post(KOBE_API + "/mailing-batches/" + osakaLetter.batchId() + "/close", supervisor, null).status()).isEqualTo(404);
		assertThat(api.get(KOBE_API + "/letters/" + osakaLetter.id() + ".pdf", supervisor).status()).isEqualTo(404);
		var viaOsaka = api.get("/api/v1/municipalities/271004/mailing-batches/" + osakaLetter.batchId(), supervisor);
		assertThat(viaOsaka.status()).isEqualTo(404);
		assertThat(viaOsaka.firstError()).isEqualTo("code:not_found");
	}

	private Api.Response post(Api api, String user, String type, String caseNumber, String idempotencyKey) {
		var body = Map.of("procedureId", "resident-certificate-by-mail", "type", type, "caseNumber", caseNumber, "date", "2026-04-01",
				"recipient", Map.of("name", "髙﨑 花子", "postalCode", "650-0001", "addressLines", List.of("兵庫県神戸市中央区加納町6丁目5番1号")),
				"values", Samples.values(LetterType.parse(type).orElseThrow(), MailingBatchesTest.DATE));
		var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + KOBE_API + "/letters"))
			.header("Authorization", "Bearer " + api.token(user)).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(Api.json(body)));
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}
		try {
			var response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Api.Response(response.statusCode(), response.body());
		} catch (IOException | InterruptedException e) {
			throw new IllegalStateException(e);
		}
	}

	private HttpResponse<byte[]> download(String token, String path) throws IOException, InterruptedException {
		var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Authorization", "Bearer " + token).build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
	}
}
