package org.madoguchi.benefits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.madoguchi.Api;
import org.madoguchi.MadoguchiTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The print vendor's file of deficiency notices: every application waiting on its resident, once per change,
 * with the address from the snapshot and what to correct in the words the letter prints.
 */
@MadoguchiTest
class DeficiencyNoticesTest {

	static final String BASE = BenefitCity.PROGRAMMES;

	@LocalServerPort
	int port;

	Api api;
	BenefitCity city;
	String programme;
	Map<String, String> numbers;

	@BeforeEach
	void cityWithAProgramme() {
		api = new Api(port);
		city = BenefitCity.registered(api, "n", 6);
		programme = city.programmeId();
		numbers = city.openProgramme(api, programme, false);
	}

	@Test
	void eachDeficiencyIsNoticedOnceWithTheAddressAndWhatToCorrect() {
		importMailed(row(1, "0001", "999") + row(2, "0001", "001"));
		String notices = BASE + "/" + programme + "/deficiency-notices";

		var batch = api.post(notices, api.token("osaka-clerk"), null);
		assertThat(batch.status()).as(batch.body()).isEqualTo(201);
		assertThat(batch.json().get("count").asInt()).as("only the deficient application").isEqualTo(1);
		var file = api.get(notices + "/" + batch.json().get("id").asLong() + "/notices.csv", api.token("osaka-clerk"));
		assertThat(file.status()).isEqualTo(200);
		var lines = file.body().replace("\uFEFF", "").split("\r\n");
		assertThat(lines).hasSize(2);
		assertThat(lines[0]).isEqualTo("application_number,household_id,head_name,postal_code,address,reason,corrections,status_page");
		String number = numbers.get(city.household(1));
		assertThat(lines[1]).isEqualTo(String.join(",", number, city.household(1), "大阪 太郎0", "5308201", "大阪市北区中之島1丁目3番20号",
				"correction-needed", "支店コード：店番号がこの金融機関の支店にありません。",
				"/portal/status?municipality=" + BenefitCity.OSAKA + "&application=" + number));

		var again = api.post(notices, api.token("osaka-clerk"), null);
		assertThat(again.status()).as("nothing changed since").isEqualTo(422);
		assertThat(again.firstError()).isEqualTo("programme:nothing_to_notify");

		importMailed(row(3, "0001", "999"));
		var next = api.post(notices, api.token("osaka-checker"), null);
		assertThat(next.json().get("count").asInt()).as("the new deficiency only").isEqualTo(1);
		var second = api.get(notices + "/" + next.json().get("id").asLong() + "/notices.csv", api.token("osaka-checker")).body();
		assertThat(second).contains(numbers.get(city.household(3))).doesNotContain(number);
		assertThat(api.get(notices, api.token("osaka-clerk")).json()).hasSize(2);
		assertThat(api.get(notices + "/" + batch.json().get("id").asLong() + "/notices.csv", api.token("osaka-clerk")).body())
			.as("a batch's file is the same when fetched again").isEqualTo(file.body());
	}

	@Test
	void theCitysOfficialsAndAuditorsDoNotMakeMailings() {
		importMailed(row(1, "0001", "999"));
		String notices = BASE + "/" + programme + "/deficiency-notices";
		assertThat(api.post(notices, api.token("osaka-official"), null).status()).isEqualTo(403);
		var batch = api.post(notices, api.token("osaka-clerk"), null);
		var refused = api.get(notices + "/" + batch.json().get("id").asLong() + "/notices.csv", api.token("osaka-official"));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.body()).doesNotContain("大阪 太郎");
		assertThat(api.get(notices + "/999999/notices.csv", api.token("osaka-clerk")).status()).isEqualTo(404);
	}

	@Test
	void theOperatorMakesTheBatchAndTakesTheFileFromTheProgrammePage() throws Exception {
		importMailed(row(1, "0001", "999"));
		String page = "/municipalities/" + BenefitCity.OSAKA + "/benefits/" + programme;
		var clerk = new StaffPages(port, "osaka-clerk");
		var after = clerk.submit(page, page + "/notices", "");
		assertThat(after).contains("補正のお願い 1 件を作成しました").contains("id=\"notice-table\"");
		var link = java.util.regex.Pattern.compile("href=\"(" + page + "/notices/[0-9]+\\.csv)\"").matcher(after);
		assertThat(link.find()).as("a download link").isTrue();
		assertThat(clerk.get(link.group(1))).contains(numbers.get(city.household(1))).contains("支店コード：");
		assertThat(clerk.submit(page, page + "/notices", "")).as("nothing new").contains("お知らせを送る申請はありません");
	}

	private void importMailed(String rows) {
		BenefitCity.importMailed(api, programme, rows);
	}

	private String row(int household, String bank, String branch) {
		return String.join(",", numbers.get(city.household(household)), "", bank, branch, "1", "1234567", "ｵｵｻｶ ﾀﾛｳ", "06-1234-5678",
				"2026-05-20") + "\r\n";
	}
}
