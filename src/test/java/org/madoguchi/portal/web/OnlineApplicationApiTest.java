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
import org.madoguchi.benefits.BenefitCity;
import org.madoguchi.platform.TenantScope;
import org.madoguchi.portal.PortalCity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Online applications through the portal's API: they take the mailed forms' road, so a non-head's application
 * is a deficiency, a household that applied by mail is held as a duplicate, and a retried key files nothing.
 */
@MadoguchiTest
class OnlineApplicationApiTest {

	static final String APPLY = "/api/v1/portal/applications";

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
		city = PortalCity.open(api, 10);
	}

	@AfterEach
	void forgetClient() {
		limit.forget("127.0.0.1");
	}

	@Test
	void theHeadAppliesOnlineAndTheApplicationIsReceivedAsTheirs() {
		var applied = apply(form(1, 0, List.of(city.city.resident(1, 1))), "key-head-1", "ja");

		assertThat(applied.status()).as(applied.body()).isEqualTo(201);
		assertThat(applied.json().get("status").asString()).isEqualTo("received");
		var stored = applications(1);
		assertThat(stored).hasSize(1);
		assertThat(stored.get(0)).containsEntry("channel", "online").containsEntry("status", "checked")
			.containsEntry("applicant_resident_id", city.city.resident(1, 0)).containsEntry("persons_paid", "1")
			.containsEntry("holder_zengin", "ｵｵｻｶ ﾀﾛｳ").containsEntry("account_masked", "****567");
		var status = api.send("GET", "/api/v1/portal/status?municipality=271004&application=" + city.number(1) + "&birthDate="
				+ city.birthDate(1, 0), null, null, "en");
		assertThat(status.json().get("status").asString()).isEqualTo("received");
	}

	@Test
	void aMemberWhoIsNotTheHeadIsRecordedWithTheDeficiencyNotHead() {
		var applied = apply(form(2, 1, List.of()), "key-member-2", "en");

		assertThat(applied.status()).as(applied.body()).isEqualTo(201);
		assertThat(applied.json().get("status").asString()).isEqualTo("correction-needed");
		assertThat(applied.json().get("corrections")).extracting(c -> c.get("path").asString() + ":" + c.get("code").asString())
			.containsExactly("applicant:not_head");
		assertThat(applied.json().get("corrections").get(0).get("message").asString()).contains("head of household");
		assertThat(applications(2).get(0)).containsEntry("status", "correction-needed")
			.containsEntry("applicant_resident_id", city.city.resident(2, 1));
	}

	@Test
	void aHouseholdThatAppliedByMailIsHeldAsADuplicateNeverASecondLiveApplication() {
		city.mail(api, 3);

		var applied = apply(form(3, 0, List.of()), "key-dup-3", "ja");

		assertThat(applied.status()).isEqualTo(201);
		assertThat(applied.json().get("status").asString()).isEqualTo("checking");
		assertThat(applied.json().get("message").asString()).contains("すでに受け付けています");
		assertThat(applications(3)).extracting(a -> a.get("channel") + ":" + a.get("status"))
			.containsExactlyInAnyOrder("mail:checked", "online:duplicate");
		var status = api.send("GET", "/api/v1/portal/status?municipality=271004&application=" + city.number(3) + "&birthDate="
				+ city.birthDate(3, 0), null, null, "ja");
		assertThat(status.json().get("status").asString()).as("the live application speaks for the household").isEqualTo("received");
	}

	@Test
	void theSameIdempotencyKeyTwiceAnswersTheSameApplicationAndAnotherHouseholdMayUseItToo() {
		var first = apply(form(4, 0, List.of()), "retry-me", "ja");
		var again = apply(form(4, 0, List.of()), "retry-me", "ja");

		assertThat(first.status()).isEqualTo(201);
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.body()).isEqualTo(first.body());
		assertThat(applications(4)).hasSize(1);

		var elsewhere = apply(form(5, 0, List.of()), "retry-me", "ja");
		assertThat(elsewhere.status()).as("keys are the client's: another household's is its own").isEqualTo(201);
		assertThat(applications(5)).hasSize(1);
	}

	@Test
	void badInputIsRefusedWithEveryFieldPathAndNothingIsFiled() {
		var empty = apply(Map.of(), null, "en");
		assertThat(errors(empty)).containsExactly("municipality:required", "application:required", "birthDate:required",
				"accountHolderKana:required", "bankCode:required", "phone:required", "Idempotency-Key:required");

		var form = form(6, 0, List.of());
		String number = city.number(6);
		form.put("application", number.substring(0, 9) + ((number.charAt(9) - '0' + 3) % 10));
		form.put("birthDate", "1975-02-30");
		form.put("branchCode", "999");
		form.put("accountHolderKana", "大阪 太郎");
		form.put("phone", "12");
		assertThat(errors(apply(form, "key-bad-6", "ko"))).containsExactly("application:check_digit", "birthDate:date",
				"accountHolderKana:not_zengin", "branchCode:unknown_branch", "phone:format");

		var wrongDate = form(6, 0, List.of());
		wrongDate.put("birthDate", "1901-01-01");
		var notFound = apply(wrongDate, "key-bad-6", "en");
		assertThat(notFound.status()).isEqualTo(404);
		assertThat(notFound.firstError()).isEqualTo("application:not_found");
		assertThat(applications(6)).isEmpty();
	}

	private Map<String, Object> form(int household, int member, List<String> declined) {
		var form = new HashMap<String, Object>();
		form.put("municipality", BenefitCity.OSAKA);
		form.put("application", city.number(household));
		form.put("birthDate", city.birthDate(household, member));
		form.put("bankCode", "0001");
		form.put("branchCode", "001");
		form.put("accountType", "1");
		form.put("accountNumber", "1234567");
		form.put("accountHolderKana", "オオサカ タロウ");
		form.put("phone", "06-1234-5678");
		form.put("declinedResidentIds", declined);
		return form;
	}

	private Api.Response apply(Map<String, Object> form, String key, String language) {
		return api.send("POST", APPLY, null, Api.json(form), language, key == null ? Map.of() : Map.of("Idempotency-Key", key));
	}

	private List<Map<String, String>> applications(int household) {
		try (var scope = TenantScope.open(BenefitCity.OSAKA)) {
			return db.sql("""
					select channel, status, applicant_resident_id, persons_paid::text, holder_zengin, account_masked
					from benefit_application where tenant_id = ? and programme_id = ? and household_id = ? order by id
					""").params(BenefitCity.OSAKA, city.programme, city.city.household(household)).query((row, n) -> {
				var values = new HashMap<String, String>();
				for (String column : List.of("channel", "status", "applicant_resident_id", "persons_paid", "holder_zengin", "account_masked")) {
					values.put(column, row.getString(column));
				}
				return (Map<String, String>) values;
			}).list();
		}
	}

	private static List<String> errors(Api.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(422);
		var errors = new ArrayList<String>();
		response.json().get("errors").forEach(e -> errors.add(e.get("path").asString() + ":" + e.get("code").asString()));
		return errors;
	}
}
