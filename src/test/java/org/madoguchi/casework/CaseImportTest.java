package org.madoguchi.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.madoguchi.Api;
import org.madoguchi.MadoguchiTest;
import org.madoguchi.audit.AuditFilter;
import org.madoguchi.audit.AuditLog;
import org.madoguchi.platform.TenantScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** Bulk intake of mailed requests keyed into a spreadsheet: each row a case, bad rows named, nothing twice. */
@MadoguchiTest
class CaseImportTest {

	private static final String BASE = "/api/v1/municipalities/281000";
	private static final String IMPORT = BASE + "/cases:import?procedure=resident-certificate-by-mail";
	private static final List<String> HEADER = List.of("requester.name", "requester.nameKana", "requester.birthDate",
			"requester.postalCode", "requester.address", "requester.phone", "requester.relationship", "certificate.kind",
			"certificate.scope", "certificate.includeHeadAndRelationship", "certificate.includeDomicile",
			"certificate.includeMyNumber", "certificate.purpose", "copies", "payment.postalMoneyOrderAmount", "payment.receivedOn",
			"returnEnvelope");

	@LocalServerPort
	int port;

	@Autowired
	AuditLog auditLog;

	/** Each test's rows differ from every other's, so their idempotency keys never meet. */
	private final String nonce = "#" + System.nanoTime();

	/** The shipped definition takes mail and online only; this city's version adds the CSV channel. */
	@BeforeEach
	void theCityTakesThisProcedureByCsv() throws Exception {
		var api = new Api(port);
		var current = api.get(BASE + "/procedures/resident-certificate-by-mail", api.token("admin")).json();
		if (current.get("channels").valueStream().anyMatch(c -> c.asString().equals("csv"))) {
			return;
		}
		String yaml = new String(getClass().getResourceAsStream("/procedures/resident-certificate-by-mail.yaml").readAllBytes(),
				StandardCharsets.UTF_8);
		String amended = yaml.replace("channels: [mail, online]", "channels: [mail, online, csv]");
		assertThat(amended).isNotEqualTo(yaml);
		var published = api.send("PUT", BASE + "/procedures/resident-certificate-by-mail", api.token("admin"), amended, "en",
				Map.of("Content-Type", "application/yaml"));
		assertThat(published.status()).as(published.body()).isEqualTo(200);
	}

	@Test
	void goodRowsBecomeCasesBadRowsAreNamedByLineAndFieldAndTheSameFileAgainMakesNothingNew() throws Exception {
		String csv = file("\n", row("髙橋 花子", "タカハシ ハナコ", "昭和60年4月1日", "1"), row("山田 太郎", "ヤマダ タロウ", "平成32年1月1日", "2"),
				row("佐藤 一郎", "サトウ イチロウ", "R1.5.1", "3"), row("鈴木 花子", "Hanako", "昭和50年1月1日", "4"),
				row("田中 次郎", "タナカ ジロウ", "平成元年1月8日", "5"));
		long before = total();

		var first = upload(IMPORT, csv.getBytes(StandardCharsets.UTF_8), "kobe-clerk");
		assertThat(first.status()).as(first.body()).isEqualTo(200);
		var report = first.json();
		assertThat(report.get("accepted").asInt()).isEqualTo(3);
		assertThat(report.get("created").asInt()).isEqualTo(3);
		assertThat(report.get("cases").valueStream().map(c -> c.get("line").asInt())).containsExactly(2, 4, 6);
		var rejected = report.get("rejected");
		assertThat(rejected.valueStream().map(r -> r.get("line").asInt())).containsExactly(3, 5);
		assertThat(errors(rejected.get(0))).hasSize(1).allMatch(e -> e.startsWith("data.requester.birthDate:"));
		assertThat(errors(rejected.get(1))).hasSize(1).allMatch(e -> e.startsWith("data.requester.nameKana:"));
		assertThat(rejected.get(0).get("errors").get(0).get("message").asString()).isNotBlank().isNotEqualTo(
				rejected.get(0).get("errors").get(0).get("code").asString());
		assertThat(total()).isEqualTo(before + 3);

		var again = upload(IMPORT, csv.getBytes(StandardCharsets.UTF_8), "kobe-clerk").json();
		assertThat(again.get("accepted").asInt()).isEqualTo(3);
		assertThat(again.get("created").asInt()).isZero();
		assertThat(again.get("cases").valueStream().map(c -> c.get("caseNumber").asString()))
			.containsExactlyElementsOf(report.get("cases").valueStream().map(c -> c.get("caseNumber").asString()).toList());
		assertThat(again.get("rejected").valueStream().map(r -> r.get("line").asInt())).containsExactly(3, 5);
		assertThat(total()).isEqualTo(before + 3);

		// one audit entry per import, naming the file by its hash
		String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(csv.getBytes(StandardCharsets.UTF_8)));
		try (var kobe = TenantScope.open("281000")) {
			var entries = auditLog.find("281000", new AuditFilter(null, null, "kobe-clerk", "cases.imported", "procedure",
					"resident-certificate-by-mail"), 0, AuditLog.MAX_PAGE_SIZE).items().stream()
				.filter(e -> sha256.equals(e.details().get("sha256"))).toList();
			assertThat(entries).extracting(e -> e.details().get("created")).containsExactlyInAnyOrder("3", "0");
			assertThat(entries).allSatisfy(e -> assertThat(e.details()).containsEntry("accepted", "3").containsEntry("rejected", "2"));
		}
	}

	@Test
	void aCp932FileWithCrlfIsReadAndItsKanjiReachTheCase() {
		String csv = file("\r\n", row("髙橋 花子", "タカハシ ハナコ", "昭和60年4月1日", "﨑"), row("渡邉 一", "ワタナベ ハジメ", "昭和61年2月3日", "2"));
		byte[] cp932 = csv.getBytes(Charset.forName("windows-31j"));

		assertThat(upload(IMPORT + "&encoding=UTF-8", cp932, "kobe-clerk").firstError()).as("a wrong declaration").isEqualTo("body:encoding");
		var imported = upload(IMPORT, cp932, "kobe-clerk");
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		assertThat(imported.json().get("created").asInt()).as(imported.body()).isEqualTo(2);
		var data = caseData(imported.json().get("cases").get(0).get("caseNumber").asString());
		assertThat(data.get("requester").get("name").asString()).isEqualTo("髙橋 花子");
		assertThat(data.get("certificate").get("purpose").asString()).isEqualTo("勤務先への提出 " + nonce + " 﨑");
		assertThat(upload(IMPORT + "&encoding=Shift_JIS", cp932, "kobe-clerk").json().get("created").asInt())
			.as("the same file, declared").isZero();
	}

	@Test
	void aFileInNeitherEncodingIsRefusedWholeAndImportsNothing() {
		String csv = file("\n", row("髙橋 花子", "タカハシ ハナコ", "昭和60年4月1日", "1"), row("山田 太郎", "ヤマダ タロウ", "昭和60年4月1日", "2"));
		var broken = new ByteArrayOutputStream();
		broken.writeBytes(csv.substring(0, csv.length() - 20).getBytes(StandardCharsets.UTF_8));
		broken.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE, (byte) 0xFD}); // neither UTF-8 nor CP932 has these
		broken.writeBytes(csv.substring(csv.length() - 20).getBytes(StandardCharsets.UTF_8));
		long before = total();

		var refused = upload(IMPORT, broken.toByteArray(), "kobe-clerk");
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.firstError()).isEqualTo("body:encoding");
		assertThat(total()).isEqualTo(before);
	}

	@Test
	void aHeaderNamingAnUnknownFieldRefusesTheWholeFileBeforeAnyRow() {
		String csv = String.join(",", HEADER) + ",requester.shoeSize\n" + row("髙橋 花子", "タカハシ ハナコ", "昭和60年4月1日", "1") + ",27\n";
		long before = total();

		var refused = upload(IMPORT, csv.getBytes(StandardCharsets.UTF_8), "kobe-clerk");
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.firstError()).isEqualTo("header[17]:unknown_field");
		assertThat(total()).isEqualTo(before);
	}

	@Test
	void malformedRowsAreRejectedOneByOneAndTheGoodOnesAroundThemStillCount() {
		String good = row("髙橋 花子", "タカハシ ハナコ", "昭和60年4月1日", "1");
		String csv = file("\n", good, row("山田 太郎", "ヤマダ タロウ", "昭和60年4月1日", "2") + ",extra",
				row("佐藤 一郎", "サトウ イチロウ", "昭和60年4月1日", "3").replace("神戸市中央区加納町6丁目5番1号", "\"神戸市中央区\n加納町6丁目5番1号\""),
				row("田中 次郎", "タナカ ジロウ", "昭和60年4月1日", "4"), row("長井 三郎", "ナガイ サブロウ", "昭和60年4月1日", "x".repeat(20_000)),
				row("鈴木 花子", "Hanako", "昭和50年1月1日", "5").replace(",TRUE", ",maybe"),
				row("小林 四郎", "コバヤシ シロウ", "昭和60年4月1日", "6").replace("6丁目", "\"6丁目"));

		var report = upload(IMPORT, csv.getBytes(StandardCharsets.UTF_8), "kobe-clerk").json();
		assertThat(report.get("accepted").asInt()).as(report.toString()).isEqualTo(2);
		assertThat(report.get("cases").valueStream().map(c -> c.get("line").asInt())).containsExactly(2, 6);
		var rejected = report.get("rejected");
		assertThat(rejected.valueStream().map(r -> r.get("line").asInt())).containsExactly(3, 4, 7, 8, 9);
		assertThat(errors(rejected.get(0))).containsExactly("row:columns");
		assertThat(errors(rejected.get(1))).containsExactly("data.requester.address:control_characters");
		assertThat(errors(rejected.get(2))).containsExactly("data.certificate.purpose:too_long");
		assertThat(errors(rejected.get(3))).contains("data.returnEnvelope:format").anyMatch(e -> e.startsWith("data.requester.nameKana:"));
		assertThat(errors(rejected.get(4))).contains("row:quote");
	}

	@Test
	void quotedCellsKeepTheirCommasAndDoubledQuotesAndColumnOrderDoesNotMatter() {
		String purpose = "勤務先への提出, 本社用 \"至急\" " + nonce;
		var cells = cells("髙橋 花子", "タカハシ ハナコ", "昭和60年4月1日", "1");
		cells[12] = "\"" + purpose.replace("\"", "\"\"") + "\"";
		var imported = upload(IMPORT, (String.join(",", HEADER) + "\n" + String.join(",", cells) + "\n").getBytes(StandardCharsets.UTF_8),
				"kobe-clerk").json();
		assertThat(imported.get("created").asInt()).as(imported.toString()).isEqualTo(1);
		String number = imported.get("cases").get(0).get("caseNumber").asString();
		assertThat(caseData(number).get("certificate").get("purpose").asString()).isEqualTo(purpose);

		var reversedHeader = HEADER.reversed();
		var reversedCells = Arrays.asList(cells).reversed();
		var reordered = upload(IMPORT, (String.join(",", reversedHeader) + "\n" + String.join(",", reversedCells) + "\n")
			.getBytes(StandardCharsets.UTF_8), "kobe-clerk").json();
		assertThat(reordered.get("created").asInt()).isZero();
		assertThat(reordered.get("cases").get(0).get("caseNumber").asString()).isEqualTo(number);
	}

	@Test
	void anEmptyFileIsRefused() {
		assertThat(upload(IMPORT, new byte[0], "kobe-clerk").firstError()).isEqualTo("body:required");
		assertThat(upload(IMPORT, "\uFEFF\r\n\r\n".getBytes(StandardCharsets.UTF_8), "kobe-clerk").firstError()).isEqualTo("body:required");
	}

	@Test
	void anAuditorCannotImport() {
		String csv = file("\n", row("髙橋 花子", "タカハシ ハナコ", "昭和60年4月1日", "1"));
		var refused = upload(IMPORT, csv.getBytes(StandardCharsets.UTF_8), "auditor");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.firstError()).isEqualTo("role:forbidden");
	}

	@Test
	void aFormBodyIsRefusedAsNotCsv() {
		var api = new Api(port);
		var form = api.send("POST", IMPORT, api.token("kobe-clerk"), String.join(",", HEADER), "en",
				Map.of("Content-Type", "application/x-www-form-urlencoded"));
		assertThat(form.status()).isEqualTo(415);
		assertThat(form.firstError()).isEqualTo("Content-Type:unsupported_media_type");
	}

	private String file(String newline, String... rows) {
		return String.join(",", HEADER) + newline + String.join(newline, rows) + newline;
	}

	private String row(String name, String kana, String birthDate, String purpose) {
		return String.join(",", cells(name, kana, birthDate, purpose));
	}

	/** A valid request but for what the test varies; yes/no and amounts in the spellings spreadsheets use. */
	private String[] cells(String name, String kana, String birthDate, String purpose) {
		return new String[] {name, kana, birthDate, "650-0001", "神戸市中央区加納町6丁目5番1号", "078-331-8181", "self", "juminhyo",
				"whole-household", "はい", "いいえ", "0", purpose.length() > 100 ? purpose : "勤務先への提出 " + nonce + " " + purpose, "1",
				"\"1,000\"", "2025-04-01", "TRUE"};
	}

	private Api.Response upload(String path, byte[] body, String user) {
		var api = new Api(port);
		var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Accept-Language", "en")
			.header("Authorization", "Bearer " + api.token(user)).header("Content-Type", "text/csv")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
		try {
			var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
			return new Api.Response(response.statusCode(), response.body());
		} catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private long total() {
		var api = new Api(port);
		return api.get(BASE + "/cases?procedure=resident-certificate-by-mail", api.token("kobe-clerk")).json().get("total").asLong();
	}

	private JsonNode caseData(String number) {
		var api = new Api(port);
		return api.get(BASE + "/cases/" + number, api.token("kobe-clerk")).json().get("data");
	}

	private static List<String> errors(JsonNode rejection) {
		return rejection.get("errors").valueStream().map(e -> e.get("path").asString() + ":" + e.get("code").asString()).toList();
	}
}
