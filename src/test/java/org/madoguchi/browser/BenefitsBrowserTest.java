package org.madoguchi.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.madoguchi.Api;
import org.madoguchi.MadoguchiTest;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import tools.jackson.databind.JsonNode;

/**
 * The benefit screens as the back office and the city use them, on a programme of its own over the demo register
 * of 神戸市: the reconciliation on screen, a suspected duplicate refused side by side, a resident's new account
 * keyed on a deficient application, and the official's approval of the count and total seen (a change meanwhile
 * is refused and shown). A clerk cannot approve: the 403 page, and nothing approved.
 */
@MadoguchiTest
class BenefitsBrowserTest extends CaseworkBrowserTest {

	private static final String PROGRAMMES = "/api/v1/municipalities/" + KOBE + "/benefit-programmes";

	@Test
	void aCheckerWorksThroughTheExceptionsAndTheOfficialApprovesWhatSheSaw() {
		var api = new Api(port);
		String programme = newProgramme(api);
		var numbers = numbers(api, programme);
		importMailed(api, programme, row(numbers, 1, "0005", "453", "1111111") + row(numbers, 2, "0005", "453", "2222222")
				+ row(numbers, 4, "0009", "410", "4444444") + row(numbers, 5, "0005", "999", "5555555")
				+ row(numbers, 1, "0001", "490", "1212121"));
		String page = "/municipalities/" + KOBE + "/benefits/" + programme;

		signIn("kobe-checker", true);
		open("/");
		clickAndAwaitNewPage(find("#benefits-" + KOBE));
		clickAndAwaitNewPage(find("#programme-" + programme + " a"));
		awaitPath(page);
		var report = api.get(PROGRAMMES + "/" + programme + "/reconciliation", api.token("kobe-clerk")).json();
		assertThat(text("#balance")).contains("照合一致");
		assertThat(text("#figure-eligible-households td")).isEqualTo(count(report.get("eligibleHouseholds").asLong()));
		assertThat(text("#figure-eligible-persons td")).isEqualTo(count(report.get("eligiblePersons").asLong()));
		assertThat(text("#figure-applications-mail td")).isEqualTo("5");
		assertThat(text("#figure-applications-online td")).isEqualTo("0");
		assertThat(text("#figure-duplicates-held td")).isEqualTo("1");
		assertThat(text("#figure-deficiencies-open td")).isEqualTo("1");
		assertThat(text("#figure-paid-amount td")).isEqualTo("0円");
		assertThat(text("#figure-not-applied td")).isEqualTo(count(report.get("eligibleHouseholds").asLong() - 4));
		assertThat(text("#checks")).contains("対象世帯数 ＝ 未申請世帯数 ＋ 有効な申請数").doesNotContain("不一致");
		assertThat(text("#amount-per-person")).isEqualTo("30,000円");
		assertThat(find("#reconciliation-csv").getDomAttribute("href")).isEqualTo(page + "/reconciliation.csv");
		screenshot("benefits-programme");

		clickAndAwaitNewPage(find("#link-duplicates"));
		clickAndAwaitNewPage(find("#exceptions tbody a"));
		assertThat(text("h1")).contains(formatted(numbers.get(1)));
		var sideBySide = text("#side-by-side");
		assertThat(sideBySide).contains("重複の疑い", "確認済み（承認待ち）", "****111", "****121", "三菱ＵＦＪ", "みずほ")
			.doesNotContain("1111111", "1212121");
		screenshot("benefits-duplicate");
		find("#reason").sendKeys("同じ世帯主から口座違いで2通目。1通目を有効とする");
		clickAndAwaitNewPage(find("#decide"));
		awaitPath(page + "/duplicates");
		assertThat(text("#notice")).contains("受け付けない");
		assertThat(text("#empty")).contains("該当する申請はありません");

		open(page + "/corrections");
		clickAndAwaitNewPage(find("#exceptions tbody a"));
		awaitPath(page + "/applications/" + numbers.get(5));
		assertThat(text("#application-status")).isEqualTo("不備（補正待ち）");
		assertThat(text("#problems")).contains("支店コード").contains("店番号がこの金融機関の支店にありません");
		assertThat(text("#members")).contains("世帯主");
		find("#bank_code").sendKeys("0005");
		find("#branch_code").sendKeys("453");
		new Select(find("#account_type")).selectByValue("1");
		find("#account_number").sendKeys("7654321");
		find("#account_holder_kana").sendKeys("コウベ ハナコ");
		screenshot("benefits-correction");
		clickAndAwaitNewPage(find("#save-account"));
		assertThat(text("#notice")).contains("口座を登録しました").contains("確認済み（承認待ち）");
		assertThat(text("#application-status")).isEqualTo("確認済み（承認待ち）");
		assertThat(text("#application-account")).contains("****321").doesNotContain("7654321");
		assertThat(driver.findElements(By.id("account-form"))).isEmpty();
		signOut();

		signIn("kobe-official", true);
		open(page);
		clickAndAwaitNewPage(find("#link-approval"));
		var seen = pending(api, programme);
		assertThat(seen.get("count").asLong()).isEqualTo(4);
		assertThat(text("#approval-count")).isEqualTo("4");
		assertThat(text("#approval-total")).isEqualTo(yen(seen.get("total").asLong()));
		screenshot("benefits-approval");

		// another form arrives while the official looks: approving what she saw must be refused, and say so
		importMailed(api, programme, row(numbers, 6, "0005", "453", "6666666"));
		clickAndAwaitNewPage(find("#approve"));
		assertThat(text("#conflict")).contains("変わっています").contains("4件").contains(yen(seen.get("total").asLong()));
		var now = pending(api, programme);
		assertThat(now.get("count").asLong()).isEqualTo(5);
		assertThat(text("#approval-count")).isEqualTo("5");
		assertThat(text("#approval-total")).isEqualTo(yen(now.get("total").asLong()));
		screenshot("benefits-approval-changed");

		clickAndAwaitNewPage(find("#approve"));
		awaitPath(page);
		assertThat(text("#notice")).contains("5件").contains(yen(now.get("total").asLong())).contains("承認しました");
		assertThat(text("#figure-approved td")).isEqualTo("5");
		assertThat(text("#balance")).contains("照合一致");
		assertThat(pending(api, programme).get("count").asLong()).isZero();
	}

	@Test
	void aClerkIsRefusedTheApprovalAndNothingIsApproved() throws Exception {
		var api = new Api(port);
		String programme = newProgramme(api);
		var numbers = numbers(api, programme);
		importMailed(api, programme, row(numbers, 7, "0005", "453", "7777777") + row(numbers, 8, "0005", "453", "8888888"));
		var before = pending(api, programme);
		assertThat(before.get("count").asLong()).isEqualTo(2);
		String page = "/municipalities/" + KOBE + "/benefits/" + programme;

		signIn("kobe-clerk", false);
		open(page);
		assertThat(text("#pending-approval")).contains("2件").contains(yen(before.get("total").asLong()));
		assertThat(driver.findElements(By.id("link-approval"))).isEmpty();
		open(page + "/approval");
		assertThat(text("#forbidden")).isEqualTo("この操作を行う権限がありません");
		assertThat(driver.findElements(By.id("approve"))).isEmpty();
		screenshot("benefits-approval-as-clerk");

		// the form a clerk is not shown, posted anyway with a valid session and CSRF token
		String csrf = driver.findElement(By.cssSelector("meta[name=csrf-token]")).getDomAttribute("content");
		String session = driver.manage().getCookieNamed("JSESSIONID").getValue();
		var posted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + page + "/approval"))
			.header("Cookie", "JSESSIONID=" + session).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("count=" + before.get("count").asLong() + "&total=" + before.get("total").asLong()
					+ "&_csrf=" + csrf))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(posted.statusCode()).isEqualTo(403);
		assertThat(posted.body()).contains("この操作を行う権限がありません").contains("何も変更していません");

		assertThat(pending(api, programme)).isEqualTo(before);
		var report = api.get(PROGRAMMES + "/" + programme + "/reconciliation", api.token("kobe-clerk")).json();
		assertThat(report.get("approved").asLong()).isZero();
		open(page);
		assertThat(text("#figure-approved td")).isEqualTo("0");
	}

	@Test
	void aCheckerConfirmsTheApplicationsOfAProgrammeCheckedByHand() {
		var api = new Api(port);
		String programme = newProgramme(api, true);
		var numbers = numbers(api, programme);
		importMailed(api, programme, row(numbers, 9, "0005", "453", "9999999"));
		String page = "/municipalities/" + KOBE + "/benefits/" + programme;

		signIn("kobe-checker", true);
		open(page + "?lang=en");
		assertThat(text("#balance")).contains("Balanced");
		assertThat(text("#figure-in-check td")).isEqualTo("1");
		open(page + "/checking?lang=ja");
		assertThat(text("#exceptions")).contains(formatted(numbers.get(9))).contains("確認待ち").contains("郵送");
		clickAndAwaitNewPage(find("#exceptions tbody button"));
		awaitPath(page + "/checking");
		assertThat(text("#notice")).contains(formatted(numbers.get(9))).contains("確認済みにしました");
		assertThat(text("#empty")).contains("該当する申請はありません");
		open(page + "/applications/" + numbers.get(9));
		assertThat(text("#application-status")).isEqualTo("確認済み（承認待ち）");
		assertThat(text("#application-channel")).isEqualTo("郵送");
		assertThat(pending(api, programme).get("count").asLong()).isEqualTo(1);
	}

	private String newProgramme(Api api) {
		return newProgramme(api, false);
	}

	/** A programme over the demo register, open today; its id is new for every test. */
	private String newProgramme(Api api, boolean manualCheck) {
		String id = "browser-" + Long.toString(System.nanoTime(), 36);
		LocalDate today = LocalDate.parse(today());
		var created = api.post(PROGRAMMES, api.token("admin"), Api.json(Map.of("id", id, "name", "物価高騰対策給付金（ブラウザ試験）",
				"referenceDate", today.minusMonths(1).toString(), "amountPerPerson", 30_000, "applicationStart", today.minusDays(10).toString(),
				"applicationEnd", today.plusDays(30).toString(), "manualCheck", manualCheck, "payer", Map.of("requesterCode", "2810000001",
						"name", "ｺｳﾍﾞｼ", "bankCode", "0009", "branchCode", "210", "accountType", "1", "accountNumber", "1234567"))));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		var snapshot = api.post(PROGRAMMES + "/" + id + "/snapshot", api.token("admin"), null);
		assertThat(snapshot.status()).as(snapshot.body()).isEqualTo(200);
		return id;
	}

	/** The forms' application numbers of demo households 1–9, by household. */
	private static Map<Integer, String> numbers(Api api, String programme) {
		var csv = api.get(PROGRAMMES + "/" + programme + "/forms.csv", api.token("admin"));
		assertThat(csv.status()).isEqualTo(200);
		var numbers = new java.util.HashMap<Integer, String>();
		for (String line : csv.body().replace("\uFEFF", "").split("\r\n")) {
			var cells = line.split(",", -1);
			if (cells.length > 1 && cells[1].matches("kobe-demo-h00[1-9]")) {
				numbers.put(Integer.parseInt(cells[1].substring(11)), cells[0]);
			}
		}
		assertThat(numbers).hasSize(9);
		return numbers;
	}

	private static String row(Map<Integer, String> numbers, int household, String bank, String branch, String account) {
		return String.join(",", numbers.get(household), "", bank, branch, "1", account, "コウベ タロウ", "078-331-8181", today()) + "\r\n";
	}

	private static void importMailed(Api api, String programme, String rows) {
		var response = api.send("POST", PROGRAMMES + "/" + programme + "/applications:import", api.token("kobe-clerk"),
				"application_number,declined_resident_ids,bank_code,branch_code,account_type,account_number,account_holder_kana,phone,"
						+ "received_on\r\n" + rows, "ja", Map.of("Content-Type", "text/csv"));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json().get("rejected").size()).as(response.body()).isZero();
	}

	private static JsonNode pending(Api api, String programme) {
		var response = api.get(PROGRAMMES + "/" + programme + "/approvals", api.token("kobe-clerk"));
		assertThat(response.status()).isEqualTo(200);
		return response.json();
	}

	private static String count(long value) {
		return NumberFormat.getIntegerInstance(Locale.JAPAN).format(value);
	}

	private static String yen(long value) {
		return count(value) + "円";
	}

	private static String formatted(String number) {
		return number.substring(0, 2) + "-" + number.substring(2, 9) + "-" + number.substring(9);
	}
}
