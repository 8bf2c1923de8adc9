package org.madoguchi.benefits;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Map;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.madoguchi.Api;
import org.madoguchi.MadoguchiTest;
import org.madoguchi.platform.TenantScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The pre-printed forms as the print shop gets them: one page per household, the number printed and in a QR
 * code that reads back to its ten digits, the head, the amount, the reference date in the era (令和元年, as the
 * programme's reference date is 2019-05-01), and the export in the audit trail without personal data.
 */
@MadoguchiTest
class ApplicationFormPdfTest {

	static final String BASE = BenefitCity.PROGRAMMES;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient db;

	Api api;
	BenefitCity city;
	String programme;

	@BeforeEach
	void cityWithASnapshot() {
		api = new Api(port);
		city = BenefitCity.registered(api, "f", 5);
		programme = city.programmeId();
		var definition = Api.json(Map.of("id", programme, "name", "特別定額給付金（テスト）", "referenceDate", "2019-05-01",
				"amountPerPerson", BenefitCity.AMOUNT, "applicationStart", "2026-05-01", "applicationEnd", "2026-08-31", "manualCheck", false,
				"payer", Map.of("requesterCode", "1234567890", "name", "ｵｵｻｶｼ", "bankCode", "0001", "branchCode", "001", "accountType", "1",
						"accountNumber", "1234567")));
		assertThat(api.post(BASE, api.token("admin"), definition).status()).isEqualTo(201);
		assertThat(api.post(BASE + "/" + programme + "/snapshot", api.token("admin"), null).status()).isEqualTo(200);
	}

	@Test
	void eachHouseholdGetsOnePageWithItsNumberHeadAmountEraDateAndAQrCodeThatReadsBackToTheNumber() throws IOException {
		var numbers = city.applicationNumbers(api, programme);
		String first = numbers.get(city.household(1));
		// snapshot numbers are dense: digits 3–9 are the household's position in application-number order
		int position = Integer.parseInt(first.substring(2, 9));

		byte[] pdf = api.download(BASE + "/" + programme + "/forms.pdf?from=" + position + "&count=3", api.token("osaka-official"));

		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).isEqualTo(3);
			String page1 = page(document, 1);
			assertThat(page1).contains(ApplicationNumber.parse(first).formatted(), "大阪 太郎0 様", "オオサカ タロウ", "令和元年5月1日",
					"受給を希望しない", "大阪市");
			// household 1 has two members on the reference date: 2 × 100,000 yen
			assertThat(page1).contains("2人", "200,000円", "大阪 太郎1");
			assertThat(page(document, 2)).contains(ApplicationNumber.parse(numbers.get(city.household(2))).formatted());
			assertThat(QrReading.numeric(onlyImage(document, 0))).isEqualTo(first);
			assertThat(QrReading.numeric(onlyImage(document, 2))).isEqualTo(numbers.get(city.household(3)));
		}
		try (var scope = TenantScope.open(BenefitCity.OSAKA)) {
			var details = db.sql("select details::text from audit_entry where tenant_id = ? and action = 'benefit.forms.printed' and subject_id = ?")
				.params(BenefitCity.OSAKA, programme).query(String.class).list();
			assertThat(details).singleElement().asString().contains("\"count\": \"3\"").doesNotContain("大阪", "オオサカ", "中之島");
		}
	}

	@Test
	void theQrCodeOfAFormHoldsExactlyTheTenDigits() throws IOException {
		var number = ApplicationNumber.of(12, 345);
		var image = ImageIO.read(new ByteArrayInputStream(FormQrCode.png(number)));
		assertThat(QrReading.numeric(image)).isEqualTo(number.value()).hasSize(10);
	}

	@Test
	void moreThanFiveHundredFormsOrANonNumberAreRefusedNamingTheParameter() {
		var tooMany = api.get(BASE + "/" + programme + "/forms.pdf?count=501", api.token("osaka-official"));
		assertThat(tooMany.status()).isEqualTo(422);
		assertThat(tooMany.json().get("errors").get(0).get("path").asString()).isEqualTo("count");

		var notANumber = api.get(BASE + "/" + programme + "/forms.pdf?from=abc", api.token("admin"));
		assertThat(notANumber.status()).isEqualTo(422);
		assertThat(notANumber.json().get("errors").get(0).get("path").asString()).isEqualTo("from");

		var pastTheEnd = api.get(BASE + "/" + programme + "/forms.pdf?from=9999999", api.token("admin"));
		assertThat(pastTheEnd.status()).isEqualTo(422);
		assertThat(pastTheEnd.json().get("errors").get(0).get("path").asString()).isEqualTo("from");
	}

	@Test
	void anotherCitysOfficialDoesNotLearnTheProgrammeExistsAndAClerkMayNotPrint() {
		assertThat(api.get(BASE + "/" + programme + "/forms.pdf", api.token("kobe-official")).status()).isEqualTo(404);
		assertThat(api.get(BASE + "/" + programme + "/forms.pdf?count=1", api.token("osaka-clerk")).status()).isEqualTo(403);
	}

	private static String page(PDDocument document, int page) throws IOException {
		var stripper = new PDFTextStripper();
		stripper.setStartPage(page);
		stripper.setEndPage(page);
		return stripper.getText(document);
	}

	private static BufferedImage onlyImage(PDDocument document, int pageIndex) throws IOException {
		var resources = document.getPage(pageIndex).getResources();
		var images = new ArrayList<BufferedImage>();
		for (var name : resources.getXObjectNames()) {
			if (resources.getXObject(name) instanceof PDImageXObject image) {
				images.add(image.getImage());
			}
		}
		assertThat(images).hasSize(1);
		return images.getFirst();
	}
}
