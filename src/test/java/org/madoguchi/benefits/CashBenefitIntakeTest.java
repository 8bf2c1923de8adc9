package org.madoguchi.benefits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.madoguchi.Api;
import org.madoguchi.MadoguchiTest;
import org.madoguchi.japan.Damm;
import org.madoguchi.platform.TenantScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;


/**
 * A small city from register to approval through the API: snapshot, forms, mailed applications with planted
 * trouble, duplicate control, and the official's bulk approval.
 */
@MadoguchiTest
class CashBenefitIntakeTest {

	static final String BASE = "/api/v1/municipalities/" + BenefitCity.OSAKA + "/benefit-programmes";
	static final String FORM_HEADER = "application_number,declined_resident_ids,bank_code,branch_code,account_type,account_number,"
			+ "account_holder_kana,phone,received_on";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient db;

	Api api;
	BenefitCity city;
	String programme;
	Map<String, String> numbers;

	@BeforeEach
	void cityWithAProgramme() {
		api = new Api(port);
		city = BenefitCity.registered(api, "b", 40);
		programme = city.programmeId();
		assertThat(api.post(BASE, api.token("admin"), BenefitCity.programme(programme, false)).status()).isEqualTo(201);
	}

	@Test
	void theSnapshotCountsEveryoneRegisteredOnTheReferenceDateInTheirHouseholdAndNumbersOneFormEach() {
		var snapshot = api.post(BASE + "/" + programme + "/snapshot", api.token("admin"), null);

		assertThat(snapshot.status()).isEqualTo(200);
		// 大阪市 also holds other tests' residents: this city's are counted through its forms
		var forms = forms();
		assertThat(forms).hasSize(city.households);
		assertThat(forms.values().stream().mapToInt(f -> Integer.parseInt(f.get("persons"))).sum()).isEqualTo(city.eligiblePersons);
		var household3 = forms.get(city.household(3));
		assertThat(household3.get("persons")).isEqualTo(Integer.toString(city.size(3)));
		assertThat(forms.get(city.household(2)).get("persons")).isEqualTo(Integer.toString(city.size(2)));
		assertThat(forms.values()).allSatisfy(f -> {
			assertThat(f.get("application_number")).matches("[0-9]{10}");
			assertThat(Damm.valid(f.get("application_number"))).isTrue();
			assertThat(f.get("head_resident_id")).startsWith(city.prefix);
			assertThat(Long.parseLong(f.get("amount"))).isEqualTo(Long.parseLong(f.get("persons")) * BenefitCity.AMOUNT);
		});
		assertThat(api.post(BASE + "/" + programme + "/snapshot", api.token("admin"), null).body()).isEqualTo(snapshot.body());
	}

	@Test
	void mailedFormsAreCheckedOnIntakeAndAHouseholdNeverHasTwoLiveApplications() {
		api.post(BASE + "/" + programme + "/snapshot", api.token("admin"), null);
		numbers = new HashMap<>();
		forms().forEach((household, form) -> numbers.put(household, form.get("application_number")));
		String file = FORM_HEADER + "\r\n"
				+ row(1, city.resident(1, 1), "0001", "001", "1", "1234567", "ヤマダ ユーコ") // a member declines; long vowel
				+ row(2, "", "9900", "10170", "", "12345671", "ｼｮｳﾀ ｵｵｻｶ") // ゆうちょ 記号/番号, small kana
				+ row(4, "", "0001", "001", "1", "7654321", "オオサカ タロウ") // sent twice below
				+ row(4, "", "0005", "001", "1", "1111111", "オオサカ タロウ")
				+ row(5, "", "0001", "999", "1", "1234567", "オオサカ タロウ") // no such branch
				+ row(6, "", "0001", "001", "1", "1234567", "大阪 太郎") // kanji holder
				+ row(7, "nobody", "0001", "001", "1", "1234567", "オオサカ タロウ") // declines someone not in the household
				+ wrongCheckDigit(numbers.get(city.household(8))) + ",,0001,001,1,1234567,ｵｵｻｶ,,2026-05-20\r\n" // wrong check digit
				+ ApplicationNumber.of(99, 7_654_321).value() + ",,0001,001,1,1234567,ｵｵｻｶ,,2026-05-20\r\n"; // no such form
		var imported = api.send("POST", BASE + "/" + programme + "/applications:import", api.token("osaka-clerk"), file, "en",
				Map.of("Content-Type", "text/csv"));

		assertThat(imported.status()).isEqualTo(200);
		var report = imported.json();
		assertThat(report.get("accepted").asInt()).isEqualTo(7);
		assertThat(report.get("created").asInt()).isEqualTo(7);
		assertThat(report.get("statuses").get("checked").asInt()).isEqualTo(3);
		assertThat(report.get("statuses").get("duplicate").asInt()).isEqualTo(1);
		assertThat(report.get("statuses").get("correction-needed").asInt()).isEqualTo(3);
		assertThat(report.get("rejected")).extracting(r -> r.get("line").asInt() + ":" + r.get("errors").get(0).get("code").asString())
			.containsExactly("9:check_digit", "10:unknown_application");

		assertThat(application(1)).containsEntry("persons_paid", Integer.toString(city.size(1) - 1))
			.containsEntry("holder_zengin", "ﾔﾏﾀﾞ ﾕ-ｺ");
		assertThat(application(2)).containsEntry("branch_code", "018").containsEntry("holder_zengin", "ｼﾖｳﾀ ｵｵｻｶ")
			.containsEntry("account_masked", "****567");
		assertThat(application(5).get("problems")).contains("branch_code", "unknown_branch");
		assertThat(application(6).get("problems")).contains("account_holder_kana", "not_zengin");
		assertThat(application(7).get("problems")).contains("declined_resident_ids", "not_member");

		var again = api.send("POST", BASE + "/" + programme + "/applications:import", api.token("osaka-clerk"), file, "en",
				Map.of("Content-Type", "text/csv"));
		assertThat(again.json().get("created").asInt()).isZero();
		assertThat(again.json().get("accepted").asInt()).isEqualTo(7);

		try (var scope = TenantScope.open(BenefitCity.OSAKA)) {
			assertThatThrownBy(() -> db.sql("""
					insert into benefit_application (tenant_id, programme_id, household_id, application_number, channel, intake_key, status,
					    received_on, persons_paid, amount)
					values (?, ?, ?, ?, 'online', 'sneaky', 'checked', '2026-06-01', 1, 100000)
					""").params(BenefitCity.OSAKA, programme, city.household(1), numbers.get(city.household(1))).update())
				.hasMessageContaining("benefit_application_one_per_household");
		}
	}

	@Test
	void onlyAMunicipalOfficialApprovesAndApprovesWhatWasChecked() {
		api.post(BASE + "/" + programme + "/snapshot", api.token("admin"), null);
		numbers = new HashMap<>();
		forms().forEach((household, form) -> numbers.put(household, form.get("application_number")));
		String file = FORM_HEADER + "\r\n" + row(1, "", "0001", "001", "1", "1234567", "ｵｵｻｶ ﾀﾛｳ")
				+ row(3, "", "0001", "001", "1", "1234567", "ｵｵｻｶ ﾀﾛｳ") + row(5, "", "0001", "999", "1", "1234567", "ｵｵｻｶ");
		api.send("POST", BASE + "/" + programme + "/applications:import", api.token("osaka-clerk"), file, "en",
				Map.of("Content-Type", "text/csv"));
		long expectedTotal = (city.size(1) + city.size(3)) * BenefitCity.AMOUNT;

		assertThat(api.post(BASE + "/" + programme + "/approvals", api.token("osaka-clerk"), null).status()).isEqualTo(403);
		var pending = api.get(BASE + "/" + programme + "/approvals", api.token("osaka-official")).json();
		assertThat(pending.get("count").asLong()).isEqualTo(2);
		assertThat(pending.get("total").asLong()).isEqualTo(expectedTotal);
		assertThat(api.post(BASE + "/" + programme + "/approvals", api.token("osaka-official"),
				Api.json(Map.of("count", 1, "total", 1))).status()).isEqualTo(409);
		var approved = api.post(BASE + "/" + programme + "/approvals", api.token("osaka-official"), pending.toString());
		assertThat(approved.status()).isEqualTo(200);
		assertThat(approved.json().get("total").asLong()).isEqualTo(expectedTotal);
		assertThat(application(1)).containsEntry("status", "approved");
		assertThat(application(5)).containsEntry("status", "correction-needed");
	}

	@Test
	void aCheckerRefusesOneSuspectedDuplicateAndLetsAnotherReplaceItsHouseholdsApplication() {
		api.post(BASE + "/" + programme + "/snapshot", api.token("admin"), null);
		numbers = new HashMap<>();
		city.applicationNumbers(api, programme).forEach(numbers::put);
		String file = FORM_HEADER + "\r\n" + row(1, "", "0001", "001", "1", "1111111", "ｵｵｻｶ ﾀﾛｳ")
				+ row(1, "", "0001", "001", "1", "2222222", "ｵｵｻｶ ﾊﾅｺ") + row(2, "", "0001", "001", "1", "3333333", "ｵｵｻｶ ﾀﾛｳ")
				+ row(2, "", "0001", "001", "1", "4444444", "ｵｵｻｶ ｼﾞﾛｳ");
		api.send("POST", BASE + "/" + programme + "/applications:import", api.token("osaka-clerk"), file, "en",
				Map.of("Content-Type", "text/csv"));
		var held = api.get(BASE + "/" + programme + "/duplicates", api.token("osaka-checker")).json();
		assertThat(held.get("total").asLong()).isEqualTo(2);
		assertThat(held.get("next").isNull()).as("one page holds both").isTrue();
		var byNumber = new HashMap<String, Long>();
		held.get("items").forEach(item -> byNumber.put(item.get("applicationNumber").asString(), item.get("id").asLong()));
		long first = byNumber.get(numbers.get(city.household(1)));
		long second = byNumber.get(numbers.get(city.household(2)));

		String path = BASE + "/" + programme + "/duplicates/";
		assertThat(api.post(path + first, api.token("osaka-clerk"), Api.json(Map.of("decision", "reject", "reason", "同じ世帯"))).status())
			.isEqualTo(403);
		assertThat(api.post(path + first, api.token("osaka-checker"), Api.json(Map.of("decision", "reject"))).firstError())
			.isEqualTo("reason:required");
		assertThat(api.post(path + first, api.token("osaka-checker"), Api.json(Map.of("decision", "reject", "reason", "同じ世帯の再送")))
			.json().get("status").asString()).isEqualTo("rejected");
		assertThat(api.post(path + second, api.token("osaka-checker"), Api.json(Map.of("decision", "replace", "reason", "先の申請は誤記")))
			.json().get("status").asString()).isEqualTo("checking");

		assertThat(application(1)).containsEntry("status", "checked");
		assertThat(application(2)).containsEntry("status", "checking");
		assertThat(api.get(BASE + "/" + programme + "/duplicates", api.token("osaka-checker")).json().get("items")).isEmpty();
	}

	@Test
	void withManualCheckOnEveryApplicationWaitsForAChecker() {
		String manual = programme + "m";
		assertThat(api.post(BASE, api.token("admin"), BenefitCity.programme(manual, true)).status()).isEqualTo(201);
		api.post(BASE + "/" + manual + "/snapshot", api.token("admin"), null);
		numbers = new HashMap<>();
		city.applicationNumbers(api, manual).forEach(numbers::put);
		var imported = api.send("POST", BASE + "/" + manual + "/applications:import", api.token("osaka-clerk"),
				FORM_HEADER + "\r\n" + row(1, "", "0001", "001", "1", "1234567", "ｵｵｻｶ ﾀﾛｳ"), "en", Map.of("Content-Type", "text/csv"));
		assertThat(imported.json().get("statuses").get("checking").asInt()).isEqualTo(1);
		String number = numbers.get(city.household(1));

		assertThat(api.post(BASE + "/" + manual + "/applications/" + number + "/check", api.token("osaka-clerk"), null).status())
			.isEqualTo(403);
		assertThat(api.get(BASE + "/" + manual + "/approvals", api.token("osaka-official")).json().get("count").asInt()).isZero();
		var checked = api.post(BASE + "/" + manual + "/applications/" + number + "/check", api.token("osaka-checker"), null);
		assertThat(checked.status()).isEqualTo(200);
		assertThat(checked.json().get("status").asString()).isEqualTo("checked");
		assertThat(api.get(BASE + "/" + manual + "/approvals", api.token("osaka-official")).json().get("count").asInt()).isEqualTo(1);
	}

	@Test
	void aBadProgrammeIsRefusedFieldByFieldAndAnotherCityCannotSeeIt() {
		var bad = api.post(BASE, api.token("admin"), Api.json(Map.of("id", "Bad Id", "amountPerPerson", -1, "payer",
				Map.of("requesterCode", "12", "name", "大阪市", "bankCode", "9999", "branchCode", "001", "accountType", "4"))));
		assertThat(bad.status()).isEqualTo(422);
		assertThat(bad.json().get("errors")).extracting(e -> e.get("path").asString())
			.contains("id", "name", "referenceDate", "amountPerPerson", "payer.requesterCode", "payer.name", "payer.accountType",
					"payer.accountNumber", "payer.bankCode");
		assertThat(api.get("/api/v1/municipalities/281000/benefit-programmes/" + programme, api.token("kobe-supervisor")).status())
			.isEqualTo(404);
		assertThat(api.get(BASE + "/" + programme, api.token("kobe-supervisor")).status()).isEqualTo(404);
	}

	private String row(int household, String declined, String bank, String branch, String type, String account, String holder) {
		return String.join(",", numbers.get(city.household(household)), declined, bank, branch, type, account, holder, "06-1234-5678",
				"2026-05-20") + "\r\n";
	}

	/** The number with another last digit: a fixed "0" is the right one for some programme ordinals. */
	private static String wrongCheckDigit(String number) {
		return number.substring(0, 9) + (number.charAt(9) - '0' + 1) % 10;
	}

	private Map<String, String> application(int household) {
		try (var scope = TenantScope.open(BenefitCity.OSAKA)) {
			return db.sql("""
					select status, persons_paid::text, holder_zengin, branch_code, account_masked, problems::text
					from benefit_application where tenant_id = ? and programme_id = ? and household_id = ? and status not in ('duplicate', 'rejected')
					""").params(BenefitCity.OSAKA, programme, city.household(household)).query((row, n) -> {
				var values = new HashMap<String, String>();
				for (String column : List.of("status", "persons_paid", "holder_zengin", "branch_code", "account_masked", "problems")) {
					values.put(column, row.getString(column));
				}
				return (Map<String, String>) values;
			}).single();
		}
	}

	/** The forms file by household id, for this test's households only. */
	private Map<String, Map<String, String>> forms() {
		var csv = api.get(BASE + "/" + programme + "/forms.csv", api.token("admin"));
		assertThat(csv.status()).isEqualTo(200);
		var lines = csv.body().replace("\uFEFF", "").split("\r\n");
		var header = List.of(lines[0].split(","));
		var forms = new HashMap<String, Map<String, String>>();
		for (int i = 1; i < lines.length; i++) {
			var cells = lines[i].split(",", -1);
			var form = new HashMap<String, String>();
			for (int c = 0; c < header.size(); c++) {
				form.put(header.get(c), cells[c]);
			}
			if (form.get("household_id").startsWith(city.prefix)) {
				forms.put(form.get("household_id"), form);
			}
		}
		return forms;
	}

}
