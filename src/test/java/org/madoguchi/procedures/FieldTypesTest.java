package org.madoguchi.procedures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.madoguchi.procedures.SampleData.APPLIED;
import static org.madoguchi.procedures.SampleData.quoted;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Each field type's good and bad values, on the sample procedure. */
class FieldTypesTest {

	private final Procedure sample = Definitions.sample();

	private List<String> with(String path, String json) {
		return SampleData.problems(sample, SampleData.with(path, json));
	}

	private String normalised(String path, String json) {
		return sample.normalise(SampleData.with(path, json), APPLIED).at("/" + path.replace('.', '/')).asString();
	}

	@Test
	void aMyNumberWithAWrongCheckDigitIsRefusedWithoutRepeatingIt() {
		var problems = sample.validate(SampleData.with("applicant.myNumber", "\"621498320258\""), APPLIED);
		assertThat(problems).singleElement().satisfies(p -> {
			assertThat(p.path() + ":" + p.code()).isEqualTo("data.applicant.myNumber:check_digit");
			assertThat(p.arguments()).isEmpty();
			assertThat(p.toString()).doesNotContain("621498320258");
		});
		assertThat(normalised("applicant.myNumber", "\"6214 9832 0257\"")).isEqualTo("621498320257");
		assertThat(with("applicant.myNumber", "\"12345\"")).containsExactly("data.applicant.myNumber:format");
		assertThat(with("applicant.myNumber", "123456789018")).containsExactly("data.applicant.myNumber:type");
		assertThat(with("applicant.corporateNumber", "\"8123456789012\"")).containsExactly("data.applicant.corporateNumber:check_digit");
	}

	@Test
	void eraDatesAreReadAsResidentsWriteThem() {
		for (String date : List.of("令和元年5月1日", "R1.5.1", "平成31年5月1日", "r1/5/1", "令和１年５月１日")) {
			assertThat(with("applicant.birthDate", quoted(date))).as(date).isEmpty();
			assertThat(normalised("applicant.birthDate", quoted(date))).isEqualTo(date);
			assertThat(sample.date(sample.normalise(SampleData.with("applicant.birthDate", quoted(date)), APPLIED), "applicant.birthDate"))
				.contains(LocalDate.of(2019, 5, 1));
		}
		assertThat(with("applicant.birthDate", quoted("平成32年1月1日"))).containsExactly("data.applicant.birthDate:out_of_range");
		assertThat(with("applicant.birthDate", quoted("令和5年2月30日"))).containsExactly("data.applicant.birthDate:invalid_date");
		assertThat(with("applicant.birthDate", quoted("昭和の終わり頃"))).containsExactly("data.applicant.birthDate:format");
	}

	@Test
	void isoDatesAreStrict() {
		assertThat(with("movedOn", "\"2025-02-30\"")).containsExactly("data.movedOn:invalid_date");
		assertThat(with("movedOn", "\"2025/05/01\"")).containsExactly("data.movedOn:format");
		assertThat(with("movedOn", "\"令和7年5月1日\"")).containsExactly("data.movedOn:format");
		assertThat(with("members", "[{\"name\":\"花子\",\"birthDate\":\"2024-02-30\"}]")).containsExactly("data.members[0].birthDate:invalid_date");
	}

	@Test
	void kanaAcceptsHiraganaAndHalfWidthAndRefusesTheRest() {
		assertThat(normalised("applicant.nameKana", "\"ｷｮｳｺ\"")).isEqualTo("キョウコ");
		assertThat(normalised("applicant.nameKana", "\"やまだ はなこ\"")).isEqualTo("ヤマダ ハナコ");
		assertThat(with("applicant.nameKana", "\"Yamada\"")).containsExactly("data.applicant.nameKana:not_kana");
		assertThat(with("applicant.nameKana", "\"山田\"")).containsExactly("data.applicant.nameKana:not_kana");
	}

	@Test
	void tenMegabyteStringsAreTooLongWithoutBlowingUp() {
		String huge = quoted("あ".repeat(10 * 1024 * 1024));
		long started = System.nanoTime();
		assertThat(with("applicant.name", huge)).containsExactly("data.applicant.name:too_long");
		assertThat(with("note", huge)).containsExactly("data.note:too_long");
		assertThat(with("applicant.myNumber", huge)).containsExactly("data.applicant.myNumber:too_long");
		assertThat(with("applicant.birthDate", huge)).containsExactly("data.applicant.birthDate:too_long");
		assertThat(with("payee.holderKana", huge)).containsExactly("data.payee.holderKana:too_long");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
		assertThat(with("applicant.name", quoted("山".repeat(20)))).isEmpty();
		assertThat(with("applicant.name", quoted("𠮷".repeat(20)))).as("counted in characters, not UTF-16 units").isEmpty();
		assertThat(with("applicant.name", quoted("山".repeat(21)))).containsExactly("data.applicant.name:too_long");
	}

	@Test
	void controlCharactersAreRefusedExceptLineBreaksInMultiLineText() {
		assertThat(with("applicant.name", quoted("山田\u0000"))).containsExactly("data.applicant.name:control_characters");
		assertThat(with("applicant.name", quoted("山田\n太郎"))).containsExactly("data.applicant.name:control_characters");
		assertThat(with("applicant.name", quoted("山田\t太郎"))).containsExactly("data.applicant.name:control_characters");
		assertThat(with("note", quoted("一行目\r\n二行目\tです"))).isEmpty();
		assertThat(with("note", quoted("ベル\u0007"))).containsExactly("data.note:control_characters");
		assertThat(with("note", quoted("\u0085"))).containsExactly("data.note:control_characters");
		assertThat(with("applicant.name", quoted("山田\uD800"))).containsExactly("data.applicant.name:invalid_characters");
		assertThat(with("applicant.name", quoted("葛\uDB40\uDD00飾"))).as("a variation selector is part of a name").isEmpty();
		assertThat(normalised("applicant.name", quoted("葛\uDB40\uDD00飾"))).as("kept exactly, never normalised").isEqualTo("葛\uDB40\uDD00飾");
	}

	@Test
	void phonesAreDigitsAndHyphensOfTenOrElevenDigits() {
		for (String phone : List.of("078-331-8181", "0783318181", "090-1234-5678")) {
			assertThat(with("applicant.phone", quoted(phone))).as(phone).isEmpty();
		}
		assertThat(normalised("applicant.phone", quoted("０７８－３３１－８１８１"))).isEqualTo("078-331-8181");
		for (String phone : List.of("78-331-8181", "078-331-818", "078--331-8181", "-078-331-8181", "078(331)8181", "0120-123-45678")) {
			assertThat(with("applicant.phone", quoted(phone))).as(phone).containsExactly("data.applicant.phone:format");
		}
	}

	@Test
	void postalCodesAmountsChoicesAndBooleans() {
		assertThat(normalised("applicant.postalCode", "\"〒６５０ー０００１\"")).isEqualTo("6500001");
		assertThat(with("applicant.postalCode", "\"65000\"")).containsExactly("data.applicant.postalCode:format");
		assertThat(with("amount", "0")).isEmpty();
		assertThat(with("amount", "-1")).containsExactly("data.amount:out_of_range");
		assertThat(with("amount", "1000000000000")).isEmpty();
		assertThat(with("amount", "1000000000001")).containsExactly("data.amount:out_of_range");
		assertThat(with("amount", "100000000000000000000000000000")).containsExactly("data.amount:out_of_range");
		assertThat(with("kind", "\"second\"")).isEmpty();
		assertThat(with("kind", "\"third\"")).containsExactly("data.kind:unknown_option");
		assertThat(with("agreed", "false")).isEmpty();
	}

	@Test
	void bankAccountsAreCheckedPartByPart() {
		assertThat(with("payee", "{\"bankCode\":\"1\",\"branchCode\":\"001\",\"accountType\":3,\"accountNumber\":\"12345678\",\"holderKana\":\"山田\"}"))
			.containsExactly("data.payee.bankCode:format", "data.payee.accountType:unknown_option", "data.payee.accountNumber:format",
					"data.payee.holderKana:not_zengin");
		assertThat(with("payee", "{\"bankCode\":\"0001\",\"branchCode\":\"001\",\"accountType\":\"4\",\"accountNumber\":\"1234567\"}"))
			.containsExactly("data.payee.holderKana:required");
		assertThat(with("payee.bankCode", "1")).containsExactly("data.payee.bankCode:type");
		assertThat(with("payee.holderKana", "\"ヤマダ・タロウ\"")).containsExactly("data.payee.holderKana:not_zengin");
		assertThat(with("payee.holderKana", "\"ヤマダ,タロウ\"")).containsExactly("data.payee.holderKana:not_zengin");
		assertThat(with("payee.holderKana", quoted("ア".repeat(31)))).containsExactly("data.payee.holderKana:too_long");
		assertThat(normalised("payee.holderKana", "\"きょうこ ジョー\"")).isEqualTo("ｷﾖｳｺ ｼﾞﾖ-");
		// Latin letters are written in capitals in a Zengin file, as banks print them
		assertThat(normalised("payee.holderKana", "\"yamada (kk)\"")).isEqualTo("YAMADA (KK)");
		assertThat(normalised("payee.accountNumber", "\"1\"")).isEqualTo("0000001");
	}
}
