package org.madoguchi.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.madoguchi.Api;
import org.madoguchi.MadoguchiTest;
import org.madoguchi.benefits.ApplicationNumber;
import org.madoguchi.benefits.BenefitCity;
import org.madoguchi.platform.TenantScope;
import org.madoguchi.portal.PortalCity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The head gives another account through the portal's API: a deficient application is checked again and a
 * returned one approved again, exactly as after a clerk's correction; the door is the status look-up's.
 */
@MadoguchiTest
class OnlineCorrectionApiTest {

	static final String CORRECT = "/api/v1/portal/corrections";
	static final String DEFICIENT = "[{\"code\": \"not_zengin\", \"path\": \"account_holder_kana\"}, "
			+ "{\"code\": \"unknown_branch\", \"path\": \"branch_code\"}]";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient db;

	@Autowired
	ClientRateLimit limit;

	Api api;
	PortalCity city;

	@BeforeEach
	void openCity() {
		limit.forget("127.0.0.1");
		api = new Api(port);
		city = PortalCity.open(api, 8);
		// household 1: an unknown branch and a holder in kanji; household 2: a good form; household 3: nothing yet
		city.mailRaw(api, PortalCity.header() + "\r\n"
				+ String.join(",", city.number(1), "", "0001", "999", "1", "1234567", "大阪 太郎", "06-1234-5678", PortalCity.TODAY.toString())
				+ "\r\n" + String.join(",", city.number(2), "", "0001", "001", "1", "1234567", "ｵｵｻｶ ﾀﾛｳ", "06-1234-5678",
						PortalCity.TODAY.toString()) + "\r\n");
	}

	@AfterEach
	void forgetClient() {
		limit.forget("127.0.0.1");
	}

	@Test
	void aDeficientApplicationIsCheckedAgainWithTheNewAccountAndTheResidentIsAuditedThroughThePortal() {
		assertThat(status(1, "en").get("status").asString()).isEqualTo("correction-needed");

		var corrected = correct(account(1, "0005", "001", "7654321", "オオサカ タロウ"), "fix-1", "en");

		assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
		assertThat(corrected.json().get("status").asString()).isEqualTo("received");
		assertThat(corrected.json().get("message").asString()).contains("waiting for the decision");
		assertThat(stored(1)).containsEntry("status", "checked").containsEntry("problems", "[]").containsEntry("bank_code", "0005")
			.containsEntry("holder_zengin", "ｵｵｻｶ ﾀﾛｳ").containsEntry("account_masked", "****321");
		assertThat(audited(1)).containsExactly("system correction-needed→checked portal head-of-household");
		assertThat(status(1, "ja").get("status").asString()).isEqualTo("received");
	}

	@Test
	void aReturnedTransferIsApprovedAgainWithAJapanPostAccountConverted() {
		city.payAndReturn(api, 2);
		assertThat(status(2, "ja").get("status").asString()).isEqualTo("returned");

		// ゆうちょ: 記号 10170, 番号 12345671 is branch 018, account 1234567 for a transfer
		var corrected = correct(account(2, "9900", "10170", "12345671", "ｵｵｻｶ ﾀﾛｳ"), "fix-2", "ko");

		assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
		assertThat(corrected.json().get("status").asString()).isEqualTo("approved");
		assertThat(corrected.json().get("message").asString()).contains("지급이 결정되었습니다");
		assertThat(stored(2)).containsEntry("status", "approved").containsEntry("bank_code", "9900").containsEntry("branch_code", "018")
			.containsEntry("returned_reason", null);
		assertThat(audited(2)).containsExactly("system returned→approved portal head-of-household");
	}

	@Test
	void aWrongBirthDateAnswersLikeAnUnknownNumberAndCountsTowardTheLock() {
		var wrong = account(1, "0005", "001", "7654321", "オオサカ タロウ");
		wrong.put("birthDate", city.birthDate(1, 1)); // a member's date, not the head's
		var unknown = account(1, "0005", "001", "7654321", "オオサカ タロウ");
		unknown.put("application", ApplicationNumber.of(99, 4_242_424).value());

		var wrongAnswer = correct(wrong, "try-1", "en");
		var unknownAnswer = correct(unknown, "try-1", "en");
		assertThat(wrongAnswer.status()).isEqualTo(404);
		assertThat(wrongAnswer.body()).isEqualTo(unknownAnswer.body());
		assertThat(wrongAnswer.firstError()).isEqualTo("application:not_found");

		for (int attempt = 2; attempt <= 5; attempt++) {
			wrong.put("birthDate", "1901-01-0" + attempt);
			assertThat(correct(wrong, "try-" + attempt, "en").status()).as("wrong try " + attempt).isEqualTo(404);
		}
		var locked = correct(account(1, "0005", "001", "7654321", "オオサカ タロウ"), "try-6", "en");
		assertThat(locked.status()).as("even the right date while locked").isEqualTo(429);
		assertThat(locked.firstError()).isEqualTo("application:locked");
		assertThat(stored(1)).containsEntry("status", "correction-needed").containsEntry("account_masked", null);
	}

	@Test
	void aRetryWithTheSameKeyAnswersTheSameAndChangesNothingTwice() {
		var first = correct(account(1, "0005", "001", "7654321", "オオサカ タロウ"), "same-key", "ja");
		var again = correct(account(1, "0005", "001", "1111111", "オオサカ タロウ"), "same-key", "ja");

		assertThat(first.status()).as(first.body()).isEqualTo(200);
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.body()).isEqualTo(first.body());
		assertThat(stored(1)).as("the first request's account stays").containsEntry("account_masked", "****321");
		assertThat(audited(1)).hasSize(1);

		var another = correct(account(1, "0005", "001", "1111111", "オオサカ タロウ"), "other-key", "en");
		assertThat(another.status()).isEqualTo(409);
		assertThat(another.firstError()).isEqualTo("application:nothing_to_correct");
	}

	@Test
	void aBadAccountIsRefusedWithEveryFieldPathAndChangesNothing() {
		assertThat(errors(correct(Map.of(), null, "en"))).containsExactly("municipality:required", "application:required",
				"birthDate:required", "accountHolderKana:required", "bankCode:required", "Idempotency-Key:required");

		var bad = account(1, "0005", "999", "7654321", "大阪 太郎");
		var refused = correct(bad, "bad-1", "vi");
		assertThat(errors(refused)).containsExactly("accountHolderKana:not_zengin", "branchCode:unknown_branch");
		assertThat(refused.json().get("errors").get(1).get("message").asString()).isNotBlank().doesNotContain("unknown_branch");
		assertThat(errors(correct(account(1, "1234", "001", "7654321", "オオサカ タロウ"), "bad-2", "en")))
			.containsExactly("bankCode:unknown_bank");
		assertThat(errors(correct(account(1, "9900", "10170", "123456789", "オオサカ タロウ"), "bad-3", "en")))
			.containsExactly("accountNumber:format");
		assertThat(stored(1)).containsEntry("status", "correction-needed").containsEntry("account_masked", null)
			.containsEntry("problems", DEFICIENT);
	}

	@Test
	void nothingToCorrectIs409AndADeficiencyAnAccountCannotCureIsLeftToTheOffice() {
		var received = correct(account(2, "0005", "001", "7654321", "オオサカ タロウ"), "n-2", "ja");
		assertThat(received.status()).isEqualTo(409);
		assertThat(received.firstError()).isEqualTo("application:nothing_to_correct");
		assertThat(correct(account(3, "0005", "001", "7654321", "オオサカ タロウ"), "n-3", "ja").firstError())
			.as("no application yet").isEqualTo("application:nothing_to_correct");

		// household 6's application came from a member, not the head: a person has to look at it
		var online = api.send("POST", "/api/v1/portal/applications", null, Api.json(Map.of("municipality", BenefitCity.OSAKA, "application",
				city.number(6), "birthDate", city.birthDate(6, 1), "bankCode", "0001", "branchCode", "001", "accountType", "1", "accountNumber",
				"1234567", "accountHolderKana", "オオサカ タロウ", "phone", "06-1234-5678")), "ja", Map.of("Idempotency-Key", "member-6"));
		assertThat(online.json().get("status").asString()).isEqualTo("correction-needed");
		var notCurable = correct(account(6, "0005", "001", "7654321", "オオサカ タロウ"), "n-4", "en");
		assertThat(notCurable.status()).isEqualTo(409);
		assertThat(notCurable.firstError()).isEqualTo("application:office_will_contact");
		assertThat(notCurable.json().get("errors").get(0).get("message").asString()).contains("will contact you");
		assertThat(stored(6)).containsEntry("status", "correction-needed").containsEntry("bank_code", "0001");
	}

	private Map<String, Object> account(int household, String bank, String branch, String number, String holder) {
		var form = new HashMap<String, Object>();
		form.put("municipality", BenefitCity.OSAKA);
		form.put("application", city.number(household));
		form.put("birthDate", city.birthDate(household, 0));
		form.put("bankCode", bank);
		form.put("branchCode", branch);
		form.put("accountType", "1");
		form.put("accountNumber", number);
		form.put("accountHolderKana", holder);
		return form;
	}

	private Api.Response correct(Map<String, Object> form, String key, String language) {
		return api.send("POST", CORRECT, null, Api.json(form), language, key == null ? Map.of() : Map.of("Idempotency-Key", key));
	}

	private tools.jackson.databind.JsonNode status(int household, String language) {
		var response = api.send("GET", "/api/v1/portal/status?municipality=" + BenefitCity.OSAKA + "&application=" + city.number(household)
				+ "&birthDate=" + city.birthDate(household, 0), null, null, language);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	/** The household's live application as stored. */
	private Map<String, String> stored(int household) {
		var columns = List.of("status", "problems", "bank_code", "branch_code", "account_masked", "holder_zengin", "returned_reason");
		try (var scope = TenantScope.open(BenefitCity.OSAKA)) {
			return db.sql("""
					select status, problems::text as problems, bank_code, branch_code, account_masked, holder_zengin, returned_reason
					from benefit_application where tenant_id = ? and programme_id = ? and household_id = ? and status not in ('duplicate', 'rejected')
					""").params(BenefitCity.OSAKA, city.programme, city.city.household(household)).query((row, n) -> {
				var values = new HashMap<String, String>();
				for (String column : columns) {
					values.put(column, row.getString(column));
				}
				return (Map<String, String>) values;
			}).single();
		}
	}

	/** The correction entries of the household's application: actor, from→to, channel and who. */
	private List<String> audited(int household) {
		try (var scope = TenantScope.open(BenefitCity.OSAKA)) {
			return db.sql("""
					select actor || ' ' || (details->>'from') || '→' || (details->>'to') || ' ' || coalesce(details->>'channel', '-')
					       || ' ' || coalesce(details->>'by', '-')
					from audit_entry where tenant_id = ? and action = 'benefit.application.account-corrected' and subject_id = ? order by id
					""").params(BenefitCity.OSAKA, city.number(household)).query(String.class).list();
		}
	}

	private static List<String> errors(Api.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(422);
		var errors = new ArrayList<String>();
		response.json().get("errors").forEach(e -> errors.add(e.get("path").asString() + ":" + e.get("code").asString()));
		return errors;
	}
}
