package org.madoguchi.benefits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.madoguchi.Api;
import org.madoguchi.MadoguchiTest;
import org.madoguchi.japan.OfficeCalendar;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Payments from the programme page: the official makes the batch, takes the file, marks it sent; a clerk loads the returns. */
@MadoguchiTest
class PaymentPagesTest {

	static final String BASE = BenefitCity.PROGRAMMES;

	@LocalServerPort
	int port;

	Api api;
	BenefitCity city;
	String programme;
	Map<String, String> numbers;
	String page;

	@BeforeEach
	void approvedApplications() {
		api = new Api(port);
		city = BenefitCity.registered(api, "b", 3);
		programme = city.programmeId();
		numbers = city.openProgramme(api, programme, false);
		BenefitCity.importMailed(api, programme, row(1) + row(2));
		assertThat(api.post(BASE + "/" + programme + "/approvals", api.token("osaka-official"), null).status()).isEqualTo(200);
		page = "/municipalities/" + BenefitCity.OSAKA + "/benefits/" + programme;
	}

	@Test
	void theOfficialPaysFromThePageAndAClerkLoadsTheBanksReturns() throws Exception {
		// an official of its own: the demo official's one-time codes are shared with the JVM's other tests
		var official = StaffPages.newAccount(port, "official-" + programme, "municipality", "MUNICIPAL_OFFICIAL", BenefitCity.OSAKA);
		LocalDate day = OfficeCalendar.standard().businessDayOnOrAfter(LocalDate.now(ZoneId.of("Asia/Tokyo")).plusDays(5));
		assertThat(official.submit(page, page + "/batches", "transferDate=")).as("a date is needed").contains("振込日：必須項目です。")
			.doesNotContain("を作成しました").doesNotContain("id=\"batch-table\"");
		var first = Pattern.compile("支払バッチ ([0-9]+) を作成しました").matcher(official.submit(page, page + "/batches", "transferDate=" + day));
		assertThat(first.find()).isTrue();
		assertThat(official.submit(page, page + "/batches/" + first.group(1) + "/cancel", ""))
			.as("a wrong batch is withdrawn and its applications wait for the next").contains("2 件の申請は承認済みに戻り");
		var made = official.submit(page, page + "/batches", "transferDate=" + day);
		var batch = Pattern.compile("支払バッチ ([0-9]+) を作成しました（2 件、[0-9,]+円）").matcher(made);
		assertThat(batch.find()).as(made).isTrue();
		String id = batch.group(1);
		assertThat(made).as("sent only once its file was taken").doesNotContain("id=\"send-" + id + "\"");
		assertThat(official.get(page + "/batches/" + id + "/zengin")).startsWith("1");
		var ready = official.get(page);
		assertThat(ready).contains("id=\"send-" + id + "\"");
		assertThat(official.submit(page, page + "/batches/" + id + "/send", "")).contains("支払バッチ " + id + " を銀行へ送信済みにしました");

		var clerk = new StaffPages(port, "osaka-clerk");
		assertThat(clerk.get(page)).as("a clerk neither makes batches nor sends them").doesNotContain("id=\"prepare-batch\"")
			.contains("id=\"import-results\"");
		String returned = numbers.get(city.household(2));
		var loaded = clerk.upload(page, page + "/bank-results", "file", "results.csv",
				"application_number,result_code,reason\r\n" + returned + ",1,口座なし\r\n");
		assertThat(loaded).contains("振込結果 1 行を取り込みました（返却 1 件）");
		assertThat(api.get(BASE + "/" + programme + "/reconciliation", api.token("osaka-official")).json().get("returnedCount").asInt())
			.isEqualTo(1);
		assertThat(clerk.upload(page, page + "/bank-results", "file", "results.csv",
				"application_number,result_code,reason\r\n" + returned + ",1,口座なし\r\n")).contains("取り込み済みです");
	}

	private String row(int household) {
		return String.join(",", numbers.get(city.household(household)), "", "0001", "001", "1", "1234567", "ｵｵｻｶ ﾀﾛｳ", "06-1234-5678",
				"2026-05-20") + "\r\n";
	}
}
