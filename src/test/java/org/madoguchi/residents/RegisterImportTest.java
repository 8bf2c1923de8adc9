package org.madoguchi.residents;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.madoguchi.residents.Extract.KOBE;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.madoguchi.Api;
import org.madoguchi.MadoguchiTest;
import org.madoguchi.audit.AuditFilter;
import org.madoguchi.audit.AuditLog;
import org.madoguchi.platform.TenantScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The import endpoint: bad rows named by line and field while good ones are kept, encodings, and who may import. */
@MadoguchiTest
class RegisterImportTest {

	@LocalServerPort
	int port;

	@Autowired
	Register register;
	@Autowired
	AuditLog auditLog;

	private final Extract extract = new Extract(Extract.prefix());

	@Test
	void badRowsAreRejectedWithTheirLineAndFieldWhileTheGoodOnesAreKept() {
		String a = extract.id("a");
		extract.person("a", "h1", "世帯主", "山田 太郎", "ヤマダ タロウ", "1950-03-01", "1", "1975-04-01")
			.person("b", "h1", "妻", "山田 花子", "ヤマダ ハナコ", "2021-02-30", "2", "1980-05-01")
			.person("c", "h1", "子", "山田 一", "Yamada Hajime", "1985-01-15", "男", "1985-01-20")
			.row(extract.id("d"), extract.id("h1"), "子", "山田 二", "ヤマダ ジ", "1987-01-01", "1", "650-0001", "神戸市", "1987-01-01", "",
					"", "621498320258")
			.person("e", "h1", "子", "", "ヤマダ サン", "1989-01-01", "1", "1989-01-01")
			.person("f", "h1", "子", "山田 四", "ヤマダ シ", "1990-01-01", "1", "1990-01-01").row(rowWithBell())
			.person("a", "h2", "世帯主", "山田 太郎", "ヤマダ タロウ", "1950-03-01", "1", "1975-04-01")
			.removed("g", "h1", "子", "山田 五", "ヤマダ ゴ", "1991-01-01", "1", "1991-01-01", "1990-12-31", "転出")
			.row(extract.id("h"), extract.id("h1"), "子")
			.person("i", "h1", "子", "山田 六", "ﾔﾏﾀﾞ ﾛｸ", "1993-01-01", "女", "1993-01-01");

		var response = Extract.upload(port, "kobe-supervisor", "?asOf=2022-01-01", extract.csv().getBytes(UTF_8));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		var report = response.json();
		assertThat(report.get("accepted").asInt()).as(report.toString()).isEqualTo(3);
		var rejected = report.get("rejected");
		assertThat(rejected.valueStream().map(r -> r.get("line").asInt())).containsExactly(3, 4, 5, 6, 8, 9, 10, 11);
		assertThat(Extract.errors(rejected.get(0))).containsExactly("birth_date:invalid_date");
		assertThat(Extract.errors(rejected.get(1))).containsExactly("name_kana:not_kana");
		assertThat(Extract.errors(rejected.get(2))).containsExactly("my_number:check_digit");
		assertThat(Extract.errors(rejected.get(3))).containsExactly("name:required");
		assertThat(Extract.errors(rejected.get(4))).containsExactly("address:control_characters");
		assertThat(Extract.errors(rejected.get(5))).containsExactly("resident_id:duplicate");
		assertThat(Extract.errors(rejected.get(6))).containsExactly("removed_on:before_registered");
		assertThat(Extract.errors(rejected.get(7))).containsExactly("row:columns");
		var message = rejected.get(0).get("errors").get(0).get("message").asString();
		assertThat(message).isNotBlank().isNotEqualTo("invalid_date");

		try (var kobe = TenantScope.open(KOBE)) {
			assertThat(register.find(KOBE, a)).get().extracting(Resident::householdId).as("the first of two rows").isEqualTo(extract.id("h1"));
			assertThat(register.find(KOBE, extract.id("f"))).isPresent();
			var halfWidth = register.find(KOBE, extract.id("i")).orElseThrow();
			assertThat(halfWidth.nameKana()).as("as given").isEqualTo("ﾔﾏﾀﾞ ﾛｸ");
			assertThat(halfWidth.matchKey()).isEqualTo("ヤマダロク");
			assertThat(halfWidth.sex()).isEqualTo(Resident.Sex.FEMALE);
			assertThat(register.find(KOBE, extract.id("b"))).isEmpty();
			assertThat(register.find(KOBE, extract.id("g"))).isEmpty();

			// one audit entry for the import, with counts and nothing personal
			var entries = auditLog.find(KOBE, new AuditFilter(null, null, "kobe-supervisor", "register.imported", null, null), 0,
					AuditLog.MAX_PAGE_SIZE).items();
			var entry = entries.stream().filter(e -> e.subjectId().equals(report.get("extractId").asString())).toList();
			assertThat(entry).hasSize(1);
			assertThat(entry.get(0).details()).containsEntry("accepted", "3").containsEntry("rejected", "8")
				.containsEntry("created", "3");
			assertThat(entry.get(0).details().values()).noneMatch(v -> v.contains("山田") || v.contains(a));
		}
	}

	@Test
	void aCellsLengthIsCountedInCharactersAndTooLongOutranksItsOtherFaults() {
		String rare = "\uD842\uDFB7"; // 𠮷, two chars in Java, one character on the register's form
		extract.person("a", "h1", "世帯主", rare.repeat(100), "ヨシ", "1960-01-01", "1", "1990-01-01")
			.person("b", "h1", "子", rare.repeat(101), "ヨシ", "1990-01-01", "1", "1990-01-01")
			.person("c", "h1", "子", "\u0007" + "吉".repeat(100), "ヨシ", "1990-01-01", "1", "1990-01-01")
			.person("d", "h1", "子", "\u3000 ", "ヨシ", "1990-01-01", "1", "1990-01-01")
			.person("e", "h1", "子", "吉\u3000" + "\u0007", "ヨシ", "1990-01-01", "1", "1990-01-01");

		var report = Extract.upload(port, "kobe-supervisor", "?asOf=2022-01-01", extract.csv().getBytes(UTF_8)).json();

		assertThat(report.get("accepted").asInt()).as(report.toString()).isEqualTo(1);
		var rejected = report.get("rejected");
		assertThat(rejected.valueStream().map(r -> r.get("line").asInt())).containsExactly(3, 4, 5, 6);
		assertThat(Extract.errors(rejected.get(0))).containsExactly("name:too_long");
		assertThat(Extract.errors(rejected.get(1))).containsExactly("name:too_long");
		assertThat(Extract.errors(rejected.get(2))).as("ideographic and plain spaces only").containsExactly("name:required");
		assertThat(Extract.errors(rejected.get(3))).containsExactly("name:control_characters");
		try (var kobe = TenantScope.open(KOBE)) {
			assertThat(register.find(KOBE, extract.id("a")).orElseThrow().name()).isEqualTo(rare.repeat(100));
		}
	}

	@Test
	void aCp932FileIsReadWhetherStatedOrNotAndNamesKeepTheirRareKanji() {
		extract.person("a", "h1", "世帯主", "髙橋 﨑子", "タカハシ サキコ", "1960-01-01", "2", "1990-01-01")
			.person("b", "h1", "子", "髙橋 ①", "タカハシ イチ", "1990-02-02", "1", "1990-02-02");
		byte[] cp932 = extract.csv().getBytes(Charset.forName("windows-31j"));

		var wrong = Extract.upload(port, "kobe-supervisor", "?asOf=2022-01-01&encoding=UTF-8", cp932);
		assertThat(wrong.status()).isEqualTo(422);
		assertThat(wrong.firstError()).isEqualTo("body:encoding");
		var stated = Extract.upload(port, "kobe-supervisor", "?asOf=2022-01-01&encoding=CP932", cp932).json();
		assertThat(stated.get("created").asInt()).as(stated.toString()).isEqualTo(2);
		var detected = Extract.upload(port, "kobe-supervisor", "?asOf=2022-01-01", cp932).json();
		assertThat(detected.get("unchanged").asInt()).as("the same file, detected").isEqualTo(2);
		try (var kobe = TenantScope.open(KOBE)) {
			assertThat(register.find(KOBE, extract.id("a")).orElseThrow().name()).isEqualTo("髙橋 﨑子");
		}
	}

	@Test
	void namesAreStoredExactlyAsGivenWithABomOrWithout() {
		String variant = "葛\uDB40\uDD00城 神\uFA19";
		extract.person("a", "h1", "世帯主", variant, "カツラギ シン", "1970-01-01", "1", "2000-01-01");
		var body = new ByteArrayOutputStream();
		body.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
		body.writeBytes(extract.csv().getBytes(UTF_8));

		var report = Extract.upload(port, "kobe-supervisor", "?asOf=2022-01-01", body.toByteArray()).json();
		assertThat(report.get("created").asInt()).as(report.toString()).isEqualTo(1);
		try (var kobe = TenantScope.open(KOBE)) {
			assertThat(register.find(KOBE, extract.id("a")).orElseThrow().name()).isEqualTo(variant);
		}
	}

	@Test
	void aFileInNeitherEncodingOrWithAWrongHeaderImportsNothing() {
		extract.person("a", "h1", "世帯主", "山田 太郎", "ヤマダ タロウ", "1950-03-01", "1", "1975-04-01");
		var broken = new ByteArrayOutputStream();
		broken.writeBytes(extract.csv().getBytes(UTF_8));
		broken.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE, '\r', '\n'});
		var refused = Extract.upload(port, "kobe-supervisor", "?asOf=2022-01-01", broken.toByteArray());
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.firstError()).isEqualTo("body:encoding");

		var header = Extract.upload(port, "kobe-supervisor", "", extract.csv().replace("my_number", "mynumber").getBytes(UTF_8));
		assertThat(header.status()).isEqualTo(422);
		assertThat(header.json().get("errors").valueStream().map(e -> e.get("path").asString() + ":" + e.get("code").asString()))
			.containsExactly("header[12]:unknown_field", "header:missing_column");
		assertThat(Extract.upload(port, "kobe-supervisor", "", new byte[0]).firstError()).isEqualTo("body:required");
		try (var kobe = TenantScope.open(KOBE)) {
			assertThat(register.find(KOBE, extract.id("a"))).isEmpty();
		}
	}

	@Test
	void onlySupervisorsAndAdministratorsOfTheCityImport() {
		byte[] csv = extract.person("a", "h1", "世帯主", "山田 太郎", "ヤマダ タロウ", "1950-03-01", "1", "1975-04-01").csv()
			.getBytes(UTF_8);
		var osaka = Extract.upload(port, "osaka-clerk", "", csv);
		assertThat(osaka.status()).isEqualTo(404);
		assertThat(osaka.firstError()).isEqualTo("code:not_found");
		assertThat(Extract.upload(port, "osaka-official", "", csv).status()).isEqualTo(404);
		for (String user : List.of("kobe-clerk", "kobe-official", "auditor")) {
			var refused = Extract.upload(port, user, "", csv);
			assertThat(refused.status()).as(user).isEqualTo(403);
			assertThat(refused.firstError()).isEqualTo("role:forbidden");
		}
		try (var kobe = TenantScope.open(KOBE)) {
			assertThat(register.find(KOBE, extract.id("a"))).isEmpty();
		}
		var api = new Api(port);
		var form = api.send("POST", "/api/v1/municipalities/281000/register:import", api.token("kobe-supervisor"), Extract.HEADER,
				"en", java.util.Map.of("Content-Type", "application/x-www-form-urlencoded"));
		assertThat(form.status()).isEqualTo(415);
		assertThat(Extract.upload(port, "admin", "?asOf=2022-01-01", csv).json().get("created").asInt()).isEqualTo(1);
	}

	/** A row whose address carries a BEL, as a terminal emulator's copy and paste sometimes leaves. */
	private String[] rowWithBell() {
		return new String[] {extract.id("j"), extract.id("h1"), "子", "山田 七", "ヤマダ ナナ", "1992-01-01", "1", "650-0001",
				"神戸市中央区\u0007加納町", "1992-01-01", "", "", ""};
	}
}
