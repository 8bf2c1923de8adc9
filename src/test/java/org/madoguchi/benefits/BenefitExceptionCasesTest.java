package org.madoguchi.benefits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.madoguchi.Api;
import org.madoguchi.MadoguchiTest;
import org.madoguchi.platform.TenantScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * The applications that need a person become cases of the cash-benefit procedure, and only those: a deficiency
 * waits for the resident, a suspected duplicate and a manual check wait for a checker; the benefits action that
 * settles the application closes its case, with the outcome in the case's timeline.
 */
@MadoguchiTest
class BenefitExceptionCasesTest {

	static final String CASES = "/api/v1/municipalities/" + BenefitCity.OSAKA + "/cases/";
	static final String BASE = BenefitCity.PROGRAMMES;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient db;

	@Autowired
	org.madoguchi.portal.web.ClientRateLimit rateLimit;

	Api api;
	BenefitCity city;
	String programme;
	Map<String, String> numbers;

	@BeforeEach
	void cityWithAProgramme() {
		api = new Api(port);
		city = BenefitCity.registered(api, "x", 12);
		programme = city.programmeId();
		start(programme, false);
	}

	@Test
	void aCorrectionNeededMailedApplicationOpensOneCaseInTheWorkQueueAndCorrectingTheAccountClosesIt() throws Exception {
		var imported = importMailed(programme, row(1, "0001", "999", "ｵｵｻｶ ﾀﾛｳ") + row(2, "0001", "001", "ｵｵｻｶ ﾀﾛｳ"));
		assertThat(imported.get("statuses").get("correction-needed").asInt()).isEqualTo(1);

		assertThat(casesOf(programme)).as("only the application that needs a person has a case").hasSize(1);
		String number = caseOf(programme, 1);
		var opened = caseView(number, "osaka-clerk");
		assertThat(opened.get("procedure").asString()).isEqualTo("cash-benefit");
		assertThat(opened.get("state").asString()).isEqualTo("awaiting-resident");
		assertThat(opened.get("slaPaused").asBoolean()).isTrue();
		assertThat(opened.at("/data/benefit/programmeId").asString()).isEqualTo(programme);
		assertThat(opened.at("/data/benefit/applicationNumber").asString()).isEqualTo(formatted(numbers.get(city.household(1))));
		assertThat(opened.at("/data/benefit/findings").asString()).contains("branch_code: unknown_branch");
		assertThat(opened.at("/reference/href").asString()).isEqualTo(applicationPage(programme, 1));
		assertThat(opened.get("timeline")).extracting(e -> e.get("kind").asString()).containsExactly("received", "deficiency");
		assertThat(opened.get("timeline").get(1).get("details").toString()).contains("benefit.findings=account");
		assertThat(claimUntil("osaka-clerk", "benefit-corrections", number)).as("in the clerk's work queue").isTrue();

		// the case follows the application: nobody moves it in casework
		var bypass = api.post(CASES + number + "/transitions", api.token("osaka-clerk"), Api.json(Map.of("transition", "receive-correction")));
		assertThat(bypass.status()).isEqualTo(409);
		assertThat(bypass.firstError()).isEqualTo("transition:moved_by_owner");
		var page = new StaffPages(port, "osaka-clerk").get("/municipalities/" + BenefitCity.OSAKA + "/cases/" + number);
		assertThat(page).contains("id=\"reference-link\"").contains("href=\"" + applicationPage(programme, 1) + "\"")
			.doesNotContain("id=\"actions\"");
		assertThat(new StaffPages(port, "osaka-clerk").get(applicationPage(programme, 1))).as("the link leads to the application")
			.contains(numbers.get(city.household(1)).substring(2, 9));

		var corrected = api.post(BASE + "/" + programme + "/applications/" + numbers.get(city.household(1)) + "/account",
				api.token("osaka-clerk"), Api.json(Map.of("bankCode", "0001", "branchCode", "001", "accountType", "1", "accountNumber",
						"7654321", "holderKana", "ｵｵｻｶ ﾀﾛｳ")));
		assertThat(corrected.json().get("status").asString()).isEqualTo("checked");
		var closed = caseView(number, "osaka-clerk");
		assertThat(closed.get("state").asString()).isEqualTo("corrected");
		var last = closed.get("timeline").get(closed.get("timeline").size() - 1);
		assertThat(last.get("actor").asString()).isEqualTo("osaka-clerk");
		assertThat(last.get("details").toString()).contains("receive-correction").contains("account-corrected");
		assertThat(claimUntil("osaka-clerk", "benefit-corrections", number)).as("no longer in the queue").isFalse();
	}

	@Test
	void aSuspectedDuplicateWaitsInTheCheckersQueueAndDecidingItClosesItsCase() {
		importMailed(programme, row(1, "0001", "001", "ｵｵｻｶ ﾀﾛｳ") + row(1, "0001", "001", "ｵｵｻｶ ﾊﾅｺ")
				+ row(2, "0001", "999", "ｵｵｻｶ ﾀﾛｳ") + row(2, "0001", "001", "ｵｵｻｶ ｼﾞﾛｳ"));
		var held = api.get(BASE + "/" + programme + "/duplicates", api.token("osaka-checker")).json();
		assertThat(held.get("total").asLong()).isEqualTo(2);
		long first = heldOf(held, 1);
		long second = heldOf(held, 2);
		String refused = caseOfApplication(first);
		String replacing = caseOfApplication(second);
		String deficient = caseOf(programme, 2);
		assertThat(caseView(refused, "osaka-checker").get("state").asString()).isEqualTo("duplicate-check");
		assertThat(api.post("/api/v1/municipalities/" + BenefitCity.OSAKA + "/work/next?queue=benefit-duplicates", api.token("osaka-clerk"),
				null).status()).as("a clerk does not work duplicates").isEqualTo(403);
		assertThat(claimUntil("osaka-checker", "benefit-duplicates", refused)).isTrue();

		String decide = BASE + "/" + programme + "/duplicates/";
		assertThat(api.post(decide + first, api.token("osaka-checker"),
				Api.json(Map.of("decision", "reject", "reason", "同じ世帯の再送"))).json().get("status").asString()).isEqualTo("rejected");
		var closed = caseView(refused, "osaka-checker");
		assertThat(closed.get("state").asString()).isEqualTo("refused");
		assertThat(lastEntry(closed).get("reason").asString()).isEqualTo("同じ世帯の再送");

		// letting the second one replace household 2's deficient application ends that one's case and checks it by hand
		assertThat(api.post(decide + second, api.token("osaka-checker"),
				Api.json(Map.of("decision", "replace", "reason", "先の申請は口座誤り"))).json().get("status").asString()).isEqualTo("checking");
		assertThat(caseView(deficient, "osaka-checker").get("state").asString()).isEqualTo("superseded");
		assertThat(caseView(replacing, "osaka-checker").get("state").asString()).isEqualTo("manual-check");
		assertThat(claimUntil("osaka-checker", "benefit-checks", replacing)).isTrue();
	}

	@Test
	void reImportingTheSameVendorFileOpensNoSecondCase() {
		String file = row(1, "0001", "999", "ｵｵｻｶ ﾀﾛｳ") + row(3, "0001", "001", "大阪 太郎") + row(4, "0001", "001", "ｵｵｻｶ ﾀﾛｳ");
		importMailed(programme, file);
		var first = casesOf(programme);
		assertThat(first).hasSize(2);

		var again = importMailed(programme, file);
		assertThat(again.get("created").asInt()).isZero();
		assertThat(casesOf(programme)).isEqualTo(first);
	}

	@Test
	void withManualCheckOnEveryApplicationWaitsInACheckingCaseUntilAConfirmationClosesIt() {
		String manual = programme + "m";
		start(manual, true);
		importMailed(manual, row(1, "0001", "001", "ｵｵｻｶ ﾀﾛｳ") + row(2, "0001", "001", "ｵｵｻｶ ﾀﾛｳ") + row(3, "0001", "999", "ｵｵｻｶ ﾀﾛｳ"));

		assertThat(casesOf(manual)).hasSize(3);
		String first = caseOf(manual, 1);
		assertThat(caseView(first, "osaka-checker").get("state").asString()).isEqualTo("manual-check");
		assertThat(caseView(caseOf(manual, 2), "osaka-checker").get("state").asString()).isEqualTo("manual-check");
		String deficient = caseOf(manual, 3);
		assertThat(caseView(deficient, "osaka-checker").get("state").asString()).isEqualTo("awaiting-resident");
		assertThat(claimUntil("osaka-checker", "benefit-checks", first)).isTrue();

		var checked = api.post(BASE + "/" + manual + "/applications/" + numbers.get(city.household(1)) + "/check", api.token("osaka-checker"), null);
		assertThat(checked.json().get("status").asString()).isEqualTo("checked");
		assertThat(caseView(first, "osaka-checker").get("state").asString()).isEqualTo("confirmed");

		// a corrected account of a manual-check programme goes on to the checker within the same case
		api.post(BASE + "/" + manual + "/applications/" + numbers.get(city.household(3)) + "/account", api.token("osaka-clerk"),
				Api.json(Map.of("bankCode", "0001", "branchCode", "001", "accountType", "1", "accountNumber", "7654321", "holderKana", "ｵｵｻｶ")));
		assertThat(caseView(deficient, "osaka-checker").get("state").asString()).isEqualTo("manual-check");
		assertThat(casesOf(manual)).hasSize(3);
	}

	@Test
	void aReturnedTransferWaitsForTheResidentAsACaseUntilTheNewAccountIsApprovedAgain() {
		importMailed(programme, row(1, "0001", "001", "ｵｵｻｶ ﾀﾛｳ"));
		assertThat(casesOf(programme)).as("an application that passed every check has no case").isEmpty();
		var pending = api.get(BASE + "/" + programme + "/approvals", api.token("osaka-official")).json();
		api.post(BASE + "/" + programme + "/approvals", api.token("osaka-official"), pending.toString());
		var calendar = org.madoguchi.japan.OfficeCalendar.standard();
		var day = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")).plusDays(7);
		while (!calendar.isBusinessDay(day)) {
			day = day.plusDays(1);
		}
		var batch = api.post(BASE + "/" + programme + "/payment-batches", api.token("osaka-official"), Api.json(Map.of("transferDate", day)));
		assertThat(batch.status()).as(batch.body()).isEqualTo(201);
		api.download(BASE + "/" + programme + "/payment-batches/" + batch.json().get("id").asLong() + "/zengin", api.token("osaka-official"));
		var sent = api.post(BASE + "/" + programme + "/payment-batches/" + batch.json().get("id").asLong() + ":send", api.token("osaka-official"), null);
		assertThat(sent.status()).as(sent.body()).isEqualTo(200);
		String number = numbers.get(city.household(1));
		var results = api.send("POST", BASE + "/" + programme + "/bank-results:import", api.token("osaka-clerk"),
				"application_number,result_code,reason\r\n" + number + ",1,口座なし\r\n", "en", Map.of("Content-Type", "text/csv"));
		assertThat(results.status()).as(results.body()).isEqualTo(200);
		assertThat(results.body()).as("the bank's file is taken").doesNotContain("\"code\"");

		String returned = caseOf(programme, 1);
		var opened = caseView(returned, "osaka-clerk");
		assertThat(opened.get("state").asString()).isEqualTo("awaiting-resident");
		assertThat(opened.at("/data/benefit/exception").asString()).isEqualTo("returned-transfer");
		assertThat(opened.get("timeline").get(1).get("details").toString()).contains("benefit.findings=transfer-returned");

		assertThat(api.post(BASE + "/" + programme + "/applications/" + number + "/account", api.token("osaka-clerk"), Api.json(Map.of(
				"bankCode", "0005", "branchCode", "001", "accountType", "1", "accountNumber", "7777777", "holderKana", "ｵｵｻｶ ﾀﾛｳ")))
			.json().get("status").asString()).isEqualTo("approved");
		assertThat(caseView(returned, "osaka-clerk").get("state").asString()).isEqualTo("corrected");
	}

	@Test
	void theResidentsOwnCorrectionOnThePortalClosesTheCaseToo() {
		rateLimit.forget("127.0.0.1");
		var portal = org.madoguchi.portal.PortalCity.open(api, 4);
		portal.mailRaw(api, org.madoguchi.portal.PortalCity.header() + "\r\n" + String.join(",", portal.number(1), "", "0001", "999", "1",
				"1234567", "ｵｵｻｶ ﾀﾛｳ", "06-1234-5678", org.madoguchi.portal.PortalCity.TODAY.toString()) + "\r\n");
		String number;
		try (var scope = TenantScope.open(BenefitCity.OSAKA)) {
			number = db.sql("select case_number from benefit_application where tenant_id = ? and programme_id = ? and household_id = ?")
				.params(BenefitCity.OSAKA, portal.programme, portal.city.household(1)).query(String.class).single();
		}
		assertThat(caseView(number, "osaka-clerk").get("state").asString()).isEqualTo("awaiting-resident");

		var corrected = api.send("POST", "/api/v1/portal/corrections", null, Api.json(Map.of("municipality", BenefitCity.OSAKA, "application",
				portal.number(1), "birthDate", portal.birthDate(1, 0), "bankCode", "0005", "branchCode", "001", "accountType", "1",
				"accountNumber", "7654321", "accountHolderKana", "オオサカ タロウ")), "en", Map.of("Idempotency-Key", "fix-" + number));
		assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
		var closed = caseView(number, "osaka-clerk");
		assertThat(closed.get("state").asString()).isEqualTo("corrected");
		assertThat(lastEntry(closed).get("details").toString()).contains("account-corrected-by-resident");
		rateLimit.forget("127.0.0.1");
	}

	private void start(String id, boolean manualCheck) {
		numbers = city.openProgramme(api, id, manualCheck);
	}

	private JsonNode importMailed(String id, String rows) {
		return BenefitCity.importMailed(api, id, rows).json();
	}

	private String row(int household, String bank, String branch, String holder) {
		return String.join(",", numbers.get(city.household(household)), "", bank, branch, "1", "1234567", holder, "06-1234-5678",
				"2026-05-20") + "\r\n";
	}

	private JsonNode caseView(String number, String user) {
		var response = api.get(CASES + number, api.token(user));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	/** The id of the household's held application in the duplicates API's answer. */
	private long heldOf(JsonNode held, int household) {
		String number = numbers.get(city.household(household));
		for (var item : held.get("items")) {
			if (item.get("applicationNumber").asString().equals(number)) {
				return item.get("id").asLong();
			}
		}
		throw new AssertionError("household " + household + " has no held application in " + held);
	}

	private static JsonNode lastEntry(JsonNode view) {
		return view.get("timeline").get(view.get("timeline").size() - 1);
	}

	/** Presses "next" in a queue until the case comes up, as a person working through it would; false when it never does. */
	private boolean claimUntil(String user, String queue, String caseNumber) {
		for (int i = 0; i < 1_000; i++) {
			var next = api.post("/api/v1/municipalities/" + BenefitCity.OSAKA + "/work/next?queue=" + queue, api.token(user), null);
			if (next.status() == 204) {
				return false;
			}
			assertThat(next.status()).as(next.body()).isEqualTo(200);
			if (next.json().get("caseNumber").asString().equals(caseNumber)) {
				return true;
			}
		}
		return false;
	}

	private String applicationPage(String id, int household) {
		return "/municipalities/" + BenefitCity.OSAKA + "/benefits/" + id + "/applications/" + numbers.get(city.household(household));
	}

	private static String formatted(String number) {
		return number.substring(0, 2) + "-" + number.substring(2, 9) + "-" + number.substring(9);
	}

	/** Every case opened for the programme's applications, open or closed, by case number. */
	private List<String> casesOf(String id) {
		try (var scope = TenantScope.open(BenefitCity.OSAKA)) {
			return db.sql("select case_number from case_file where tenant_id = ? and reference like ? order by case_number")
				.params(BenefitCity.OSAKA, "benefit-application:" + id + ":%").query(String.class).list();
		}
	}

	/** The open case of the household's live application. */
	private String caseOf(String id, int household) {
		try (var scope = TenantScope.open(BenefitCity.OSAKA)) {
			return db.sql("""
					select case_number from benefit_application where tenant_id = ? and programme_id = ? and household_id = ?
					  and status not in ('duplicate', 'rejected')
					""").params(BenefitCity.OSAKA, id, city.household(household)).query(String.class).single();
		}
	}

	private String caseOfApplication(long id) {
		try (var scope = TenantScope.open(BenefitCity.OSAKA)) {
			return db.sql("select case_number from benefit_application where tenant_id = ? and id = ?").params(BenefitCity.OSAKA, id)
				.query(String.class).single();
		}
	}
}
