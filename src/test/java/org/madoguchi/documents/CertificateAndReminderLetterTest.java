package org.madoguchi.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.madoguchi.documents.Samples.FIRST_DAY_OF_REIWA;
import static org.madoguchi.documents.Samples.request;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.madoguchi.platform.InvalidInput;

/** The certificate cover letter and the reminder (再通知): what each says, and what neither goes out without. */
class CertificateAndReminderLetterTest {

	static final Letters letters = new Letters();

	@Test
	void theCoverLetterListsEachEnclosureWithItsCopiesAndTheFeeReceived() {
		String text = PdfReading.text(letters.render(request(LetterType.CERTIFICATE, FIRST_DAY_OF_REIWA)));

		assertThat(text).contains("証明書送付のご案内", "令和元年5月1日に受け付けました「住民票の写し等の郵送請求」について",
				"住民票の写し（世帯全員） 2通", "住民票の写し（本人のみ） 1通", "受領した手数料 900円");
	}

	@Test
	void aReminderAfterADeficiencyNoticeRepeatsItsItemsAndStatesTheDeadline() {
		String text = PdfReading.text(letters.render(request(LetterType.REMINDER, FIRST_DAY_OF_REIWA)));

		assertThat(text).contains("補正のお願い（再通知）", "平成31年4月24日付けでお知らせした", "返信用封筒", "同封されていません。",
				"補正の期限 令和元年5月8日");
	}

	@Test
	void aReminderOfSomethingElseSaysOnlyWhatIsAwaitedAndByWhen() {
		var values = Map.<String, Object>of("title", "受取予約のお願い", "procedureName", "個人番号カードの交付申請", "deadline", "令和元年5月15日");
		var request = new LetterRequest(Samples.KOBE, "神戸市", "my-number-card-issuance", LetterType.REMINDER, "R1-000125-3",
				Samples.recipient(), FIRST_DAY_OF_REIWA, values);

		String text = PdfReading.text(letters.render(request));

		assertThat(text).contains("受取予約のお願い", "「個人番号カードの交付申請」のお手続き", "お手続きの期限 令和元年5月15日")
			.doesNotContain("補正", "不備");
	}

	@Test
	void aCoverLetterNeedsItsEnclosuresWithCopiesAndTheFeeAsAWholeNumberOfYen() {
		assertThat(problems(LetterType.CERTIFICATE, Map.of())).containsExactlyInAnyOrder("values.enclosures:required",
				"values.feeReceived:required");
		assertThat(problems(LetterType.CERTIFICATE, Map.of("enclosures", List.of(Map.of("item", "住民票の写し", "copies", 0),
				Map.of("copies", 1), Map.of("item", "戸籍\u0007", "copies", "2")), "feeReceived", "300")))
			.containsExactlyInAnyOrder("values.enclosures[0].copies:out_of_range", "values.enclosures[1].item:required",
					"values.enclosures[2].item:control_characters", "values.enclosures[2].copies:format", "values.feeReceived:format");
		assertThat(problems(LetterType.CERTIFICATE, Map.of("enclosures", List.of(Map.of("item", "住民票の写し", "copies", 1)),
				"feeReceived", -300))).containsExactly("values.feeReceived:out_of_range");
	}

	@Test
	void aReminderNeedsADeadlineNotBeforeTheLetterAndItsItemsMustBeComplete() {
		assertThat(problems(LetterType.REMINDER, Map.of())).containsExactly("values.deadline:required");
		assertThat(problems(LetterType.REMINDER, Map.of("deadline", "2019-04-30", "items", List.of(Map.of("item", "返信用封筒")))))
			.containsExactlyInAnyOrder("values.deadline:before_letter_date", "values.items[0].reason:required");
	}

	@Test
	void aFeeGivenAsAnIntegerIsKeptAsLongYen() {
		var values = Map.<String, Object>of("enclosures", List.of(Map.of("item", "住民票の写し", "copies", 1)), "feeReceived", 300);
		var request = new LetterRequest(Samples.KOBE, "神戸市", "resident-certificate-by-mail", LetterType.CERTIFICATE, "26-00000001-3",
				Samples.recipient(), LocalDate.of(2026, 4, 1), values);

		assertThat(request.values().get("feeReceived")).isEqualTo(300L);
	}

	@Test
	void samplesAreWrittenForReviewersAndEachFitsOnOnePage() throws java.io.IOException {
		for (LetterType type : List.of(LetterType.CERTIFICATE, LetterType.REMINDER)) {
			var file = java.nio.file.Path.of("target/letters/sample-" + type.code() + ".pdf");
			java.nio.file.Files.createDirectories(file.getParent());
			java.nio.file.Files.write(file, letters.render(request(type, FIRST_DAY_OF_REIWA), new LetterMark(1, 1)));

			assertThat(PdfReading.pages(java.nio.file.Files.readAllBytes(file))).as(type.code()).isEqualTo(1);
		}
	}

	private static List<String> problems(LetterType type, Map<String, Object> values) {
		try {
			new LetterRequest(Samples.KOBE, "神戸市", "resident-certificate-by-mail", type, "26-00000001-3", Samples.recipient(),
					FIRST_DAY_OF_REIWA, new LinkedHashMap<>(values));
			return List.of();
		} catch (InvalidInput e) {
			return e.problems().stream().map(p -> p.path() + ":" + p.code()).toList();
		}
	}
}
