package org.madoguchi.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.madoguchi.documents.Samples.FIRST_DAY_OF_REIWA;
import static org.madoguchi.documents.Samples.request;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Letters rendered and read back with PDFBox, as a resident's envelope window and a reviewer would see them. */
class LetterRenderingTest {

	// The window of a 長形3号 envelope on the A4 page, in mm from the top-left corner.
	static final double WINDOW_LEFT = 20, WINDOW_TOP = 23, WINDOW_WIDTH = 90, WINDOW_HEIGHT = 45;

	static final Letters letters = new Letters();

	@ParameterizedTest
	@EnumSource(LetterType.class)
	void everyLetterTypeCarriesTheEraDateTheCaseNumberTheAddressAndTheSender(LetterType type) {
		String text = PdfReading.text(letters.render(request(type, FIRST_DAY_OF_REIWA)));

		assertThat(text).contains("令和元年5月1日", "R1-000123-7", "〒650-0001", "兵庫県神戸市中央区加納町6丁目5番1号",
				"コーポ山手 201号", "髙﨑 花子 様", "神戸市");
		assertThat(text).doesNotContain("令和1年");
	}

	@Test
	void aDateIn2026IsWrittenInTheEighthYearOfReiwa() {
		String text = PdfReading.text(letters.render(request(LetterType.DEFICIENCY_NOTICE, LocalDate.of(2026, 4, 1))));

		assertThat(text).contains("令和8年4月1日", "令和8年4月15日");
	}

	@Test
	void theDeficiencyNoticeListsEachItemWithItsReasonAndTheDeadline() {
		String text = PdfReading.text(letters.render(request(LetterType.DEFICIENCY_NOTICE, FIRST_DAY_OF_REIWA)));

		assertThat(text).contains("不備のお知らせ", "手数料", "定額小為替が300円不足しています。", "請求者の生年月日",
				"記入がありません。", "補正の期限 令和元年5月15日");
	}

	@ParameterizedTest
	@EnumSource(LetterType.class)
	void theFontsAreTheBundledIpaexFontsEmbeddedInTheFile(LetterType type) {
		var fonts = PdfReading.fonts(letters.render(request(type, FIRST_DAY_OF_REIWA)));

		assertThat(fonts).isNotEmpty().allSatisfy(font -> {
			assertThat(font.name()).contains("IPAex");
			assertThat(font.embedded()).as(font.name()).isTrue();
		});
	}

	@ParameterizedTest
	@EnumSource(LetterType.class)
	void theEnvelopeWindowShowsTheRecipientAndNothingElse(LetterType type) {
		byte[] pdf = letters.render(request(type, FIRST_DAY_OF_REIWA));

		String window = PdfReading.textIn(pdf, WINDOW_LEFT, WINDOW_TOP, WINDOW_WIDTH, WINDOW_HEIGHT);
		assertThat(window.lines().map(String::strip).filter(line -> !line.isEmpty()))
			.containsExactly("〒650-0001", "兵庫県神戸市中央区加納町6丁目5番1号", "コーポ山手 201号", "髙﨑 花子 様");
	}

	@Test
	void evenTheLongestAllowedAddressStaysInsideTheWindow() {
		var longest = new Recipient("長谷川左衛門三郎太郎兵衛之助右衛門之丞之介之輔之進様", "650-0001",
				List.of("兵庫県神戸市中央区加納町六丁目五番一号加納町ビル東館", "株式会社長い名前の会社総務部管理課第二係御中",
						"ロイヤルパレス神戸三宮グランドタワー3501号室"));
		var request = new LetterRequest(Samples.KOBE, "神戸市", "resident-certificate-by-mail", LetterType.ACKNOWLEDGEMENT,
				"26-00001234-5", longest, FIRST_DAY_OF_REIWA, Map.of());
		byte[] pdf = letters.render(request);

		String window = PdfReading.textIn(pdf, WINDOW_LEFT, WINDOW_TOP, WINDOW_WIDTH, WINDOW_HEIGHT).replaceAll("\\s", "");
		assertThat(window).contains("〒650-0001", "加納町ビル東館", "3501号室", "之輔之進様様");
		assertThat(PdfReading.textIn(pdf, WINDOW_LEFT, WINDOW_TOP + WINDOW_HEIGHT, WINDOW_WIDTH, 99 - WINDOW_TOP - WINDOW_HEIGHT))
			.as("between the window and the first fold").isBlank();
	}

	@Test
	void aLongListOfDeficienciesRunsOntoMorePagesEachWithTheBatchMark() {
		var values = new java.util.LinkedHashMap<>(Samples.values(LetterType.DEFICIENCY_NOTICE, FIRST_DAY_OF_REIWA));
		values.put("items", java.util.stream.IntStream.rangeClosed(1, LetterValues.MAX_ITEMS)
			.mapToObj(i -> Map.of("item", "書類" + i, "reason", "記入漏れがあります。")).toList());
		var request = new LetterRequest(Samples.KOBE, "神戸市", "resident-certificate-by-mail", LetterType.DEFICIENCY_NOTICE,
				"26-00001234-5", Samples.recipient(), FIRST_DAY_OF_REIWA, values);
		byte[] pdf = letters.render(request, new LetterMark(7, 42));

		assertThat(PdfReading.pages(pdf)).isGreaterThan(1);
		assertThat(PdfReading.text(pdf)).contains("書類30", "発送便 7 ・ No. 000042 ・ 1 / ", "発送便 7 ・ No. 000042 ・ 2 / ");
	}

	@Test
	void rareKanjiAndSymbolsRoundTrip() {
		var request = new LetterRequest(Samples.KOBE, "神戸市", "resident-certificate-by-mail", LetterType.DEFICIENCY_NOTICE,
				"R8-000001-3", new Recipient("髙橋 﨑子", "〒650-0001", List.of("神戸市中央区加納町６丁目５−１")),
				LocalDate.of(2026, 4, 1), Samples.values(LetterType.DEFICIENCY_NOTICE, LocalDate.of(2026, 4, 1)));

		String text = PdfReading.text(letters.render(request));

		assertThat(text).contains("髙橋 﨑子 様", "〒650-0001", "神戸市中央区加納町６丁目５−１", "（№ 2）", "不備のお知らせ");
	}

	@ParameterizedTest
	@EnumSource(LetterType.class)
	void theTextLayerHoldsTheKanjiWrittenNotTheRadicalsThatShareTheirGlyphs(LetterType type) {
		String text = PdfReading.text(letters.render(request(type, FIRST_DAY_OF_REIWA)));

		assertThat(text).contains("神戸市", "日", "月").doesNotContain("戶");
		assertThat(text.codePoints().filter(c -> c >= 0x2E80 && c <= 0x2FDF)).as("Kangxi and supplementary radicals").isEmpty();
	}

	@Test
	void aLetterInABatchCarriesItsSequenceNumberAtTheFootOfThePage() {
		byte[] pdf = letters.render(request(LetterType.DECISION_NOTICE, FIRST_DAY_OF_REIWA), new LetterMark(12, 123));

		assertThat(PdfReading.textIn(pdf, 105, 275, 105, 22)).contains("No. 000123", "発送便 12");
	}

	@Test
	void aProcedureWithItsOwnWordingUsesItsTemplateAndOthersTheDefault() {
		var care = Samples.request(Samples.KOBE, "神戸市", "care-certification", LetterType.DEFERRAL_NOTICE, "R1-000124-5",
				FIRST_DAY_OF_REIWA);

		assertThat(PdfReading.text(letters.render(care))).contains("介護保険法第27条第11項", "処理見込期間", "神戸市長");
		assertThat(PdfReading.text(letters.render(request(LetterType.DEFERRAL_NOTICE, FIRST_DAY_OF_REIWA))))
			.contains("処分延期通知", "処分の見込み日").doesNotContain("介護保険法");
	}

	@Test
	void aProcedureMayNameTheLetterInPlaceOfTheDefaultHeading() {
		var values = new java.util.HashMap<>(Samples.values(LetterType.DECISION_NOTICE, FIRST_DAY_OF_REIWA));
		values.put("title", "交付できない旨の通知");
		var request = new LetterRequest(Samples.KOBE, "神戸市", "resident-certificate-by-mail", LetterType.DECISION_NOTICE,
				"26-00001234-5", Samples.recipient(), FIRST_DAY_OF_REIWA, values);

		assertThat(PdfReading.text(letters.render(request))).contains("交付できない旨の通知").doesNotContain("決定通知書");
	}

	@Test
	void aSampleDeficiencyNoticeIsWrittenForReviewers() throws IOException {
		Path file = Path.of("target/letters/sample-deficiency-notice.pdf");
		Files.createDirectories(file.getParent());
		Files.write(file, letters.render(request(LetterType.DEFICIENCY_NOTICE, FIRST_DAY_OF_REIWA), new LetterMark(1, 1)));

		assertThat(PdfReading.pages(Files.readAllBytes(file))).isEqualTo(1);
	}
}
