package org.madoguchi.benefits;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.madoguchi.documents.PrintedPages;

/**
 * The form's page without a server: a household of fifteen still fits its one page, a larger one runs on
 * rather than losing rows, and the reference date of a programme in the first year of an era reads 元年. The PDF is left in target/ for a look by eye.
 */
class ApplicationFormLayoutTest {

	static final PrintedPages pages = new PrintedPages();

	@Test
	void aHouseholdOfFifteenStillFitsOnePageAndTheFirstYearOfAnEraIsGan() throws IOException {
		var programme = programme();
		var forms = List.of(form(1, 2), form(2, 15), form(3, 1));

		byte[] pdf = pages.render(ApplicationForms.TEMPLATE, ApplicationForms.values("大阪市", programme, forms), "layout test");
		Files.createDirectories(Path.of("target"));
		Files.write(Path.of("target/application-forms-sample.pdf"), pdf);

		try (var document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).isEqualTo(3);
			var stripper = new PDFTextStripper();
			stripper.setStartPage(2);
			stripper.setEndPage(2);
			String page2 = stripper.getText(document);
			assertThat(page2).contains("令和元年5月1日", "1,500,000円", "15人", "髙﨑 花子14", "10-0000002-");
		}
	}

	@Test
	void aHouseholdTooLargeForOneSheetRunsOnToASecondRatherThanLosingRows() throws IOException {
		byte[] pdf = pages.render(ApplicationForms.TEMPLATE, ApplicationForms.values("大阪市", programme(), List.of(form(1, 30), form(2, 1))),
				"layout test");

		try (var document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).isEqualTo(3);
			var stripper = new PDFTextStripper();
			stripper.setStartPage(2);
			stripper.setEndPage(2);
			assertThat(stripper.getText(document)).contains("口座番号", "署名");
			stripper.setStartPage(3);
			stripper.setEndPage(3);
			assertThat(stripper.getText(document)).contains("10-0000002-");
		}
	}

	private static Programme programme() {
		return new Programme("271004", "p1", 10, "特別定額給付金", LocalDate.of(2019, 5, 1), 100_000, LocalDate.of(2019, 6, 1),
				LocalDate.of(2019, 8, 31), false, null, true);
	}

	private static FormSheet form(int household, int size) {
		var members = new ArrayList<FormSheet.Member>();
		IntStream.range(0, size).forEach(m -> members.add(FormSheet.Member.of("髙﨑 花子" + m, "タカサキ ハナコ", m == 0 ? "世帯主" : "子",
				LocalDate.of(1989, 1, 8).plusYears(m))));
		return FormSheet.of(ApplicationNumber.of(10, household), "5308201", "大阪府大阪市北区中之島1丁目3番20号　中之島ハイツ1203号室", members,
				size, 100_000);
	}
}
