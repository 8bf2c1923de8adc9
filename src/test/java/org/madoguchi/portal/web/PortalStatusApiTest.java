package org.madoguchi.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The status look-up of the contract, from outside: plain statuses, a wrong birth date that cannot be
 * told from an unknown number, the lock after five of them, and refusals with field paths.
 */
@MadoguchiTest
class PortalStatusApiTest {

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
		limit.forget("127.0.0.1"); // every test class calls from this one address
		api = new Api(port);
		city = PortalCity.open(api, 12);
	}

	@AfterEach
	void forgetClient() {
		limit.forget("127.0.0.1");
	}

	@Test
	void theHeadSeesReceivedCorrectionNeededApprovedAndPaidInPlainWords() {
		assertThat(status(7, 0, "ja").json().get("status").asString()).isEqualTo("not-received");
		city.mailRaw(api, PortalCity.header() + "\r\n"
				+ String.join(",", city.number(1), "", "0001", "001", "1", "1234567", "ｵｵｻｶ ﾀﾛｳ", "", PortalCity.TODAY.toString()) + "\r\n"
				+ String.join(",", city.number(3), "", "0001", "999", "1", "1234567", "大阪 太郎", "", PortalCity.TODAY.toString()) + "\r\n");

		var received = status(1, 0, "ja");
		assertThat(received.status()).isEqualTo(200);
		assertThat(received.json().get("status").asString()).isEqualTo("received");
		assertThat(received.json().get("message").asString()).contains("受け付けました");
		assertThat(received.json().has("corrections")).isFalse();
		assertThat(fieldNames(received)).containsExactly("status", "message");

		var correction = status(3, 0, "en");
		assertThat(correction.json().get("status").asString()).isEqualTo("correction-needed");
		assertThat(correction.json().get("message").asString()).contains("corrected");
		assertThat(correction.json().get("corrections")).extracting(c -> c.get("path").asString() + ":" + c.get("code").asString())
			.containsExactlyInAnyOrder("branch_code:unknown_branch", "account_holder_kana:not_zengin");
		assertThat(correction.json().get("corrections").get(0).get("message").asString()).isNotBlank();

		var approved = api.post(BenefitCity.PROGRAMMES + "/" + city.programme + "/approvals", api.token("osaka-official"), null);
		assertThat(approved.status()).isEqualTo(200);
		assertThat(status(1, 0, "ko").json().get("status").asString()).isEqualTo("approved");
		assertThat(status(1, 0, "ko").json().get("message").asString()).contains("지급이 결정되었습니다");

		try (var scope = TenantScope.open(BenefitCity.OSAKA)) {
			// payment batches belong to the payments work; the status a paid application reaches is set by hand here
			db.sql("update benefit_application set status = 'paid', transfer_date = date '2026-12-04' where tenant_id = ? and application_number = ?")
				.params(BenefitCity.OSAKA, city.number(1)).update();
		}
		var paid = status(1, 0, "zh-CN");
		assertThat(paid.json().get("status").asString()).isEqualTo("paid");
		assertThat(paid.json().get("transferDate").asString()).isEqualTo("2026-12-04");
		assertThat(paid.json().get("message").asString()).contains("2026年12月4日").contains("汇款");
	}

	@Test
	void aWrongBirthDateAnswersExactlyLikeAnUnknownNumber() {
		city.mail(api, 2);
		var wrong = lookup(city.number(2), city.birthDate(2, 1), "en"); // a member's date, not the head's
		var unknown = lookup(ApplicationNumber.of(99, 4_242_424).value(), city.birthDate(2, 0), "en");

		assertThat(wrong.status()).isEqualTo(404);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(wrong.body()).isEqualTo(unknown.body());
		assertThat(wrong.firstError()).isEqualTo("application:not_found");
		assertThat(lookup(city.number(2), city.birthDate(2, 0), "en").status()).isEqualTo(200);
	}

	@Test
	void theSixthWrongBirthDateInARowLocksTheNumberEvenAgainstTheRightOne() {
		String number = city.number(5);
		for (int attempt = 1; attempt <= 4; attempt++) {
			assertThat(lookup(number, "1901-01-0" + attempt, "ja").status()).isEqualTo(404);
		}
		assertThat(lookup(number, city.birthDate(5, 0), "ja").status()).as("a right date clears the count").isEqualTo(200);
		for (int attempt = 1; attempt <= 5; attempt++) {
			assertThat(lookup(number, "1902-02-0" + attempt, "ja").status()).as("wrong try " + attempt).isEqualTo(404);
		}

		var sixth = lookup(number, "1903-03-03", "en");
		assertThat(sixth.status()).isEqualTo(429);
		assertThat(sixth.firstError()).isEqualTo("application:locked");
		assertThat(sixth.json().get("errors").get(0).get("message").asString()).contains("30 minutes");
		assertThat(lookup(number, city.birthDate(5, 0), "ja").status()).isEqualTo(429);
		assertThat(lookup(city.number(6), city.birthDate(6, 0), "ja").status()).as("other numbers stay open").isEqualTo(200);
		try (var scope = TenantScope.open(BenefitCity.OSAKA)) {
			var locks = db.sql("""
					select details::text from audit_entry where tenant_id = ? and action = 'benefit.lookup.locked' and subject_id = ?
					""").params(BenefitCity.OSAKA, number).query(String.class).list();
			assertThat(locks).hasSize(1);
			assertThat(locks.get(0)).doesNotContain(city.birthDate(5, 0)).doesNotContain("1902");
		}
	}

	@Test
	void malformedQuestionsAreRefusedWithTheirFieldPaths() {
		String number = city.number(1);
		String badCheckDigit = number.substring(0, 9) + ((number.charAt(9) - '0' + 1) % 10);
		assertThat(errors(lookup(badCheckDigit, city.birthDate(1, 0), "en"))).containsExactly("application:check_digit");
		assertThat(errors(lookup(number, "1975-13-40", "en"))).containsExactly("birthDate:date");
		assertThat(errors(lookup(number, "2021-02-30", "en"))).as("a day the calendar lacks").containsExactly("birthDate:date");
		assertThat(errors(lookup(number, "1975/01/01", "en"))).containsExactly("birthDate:date");
		assertThat(errors(api.send("GET", "/api/v1/portal/status", null, null, "vi"))).containsExactly("municipality:required",
				"application:required", "birthDate:required");
		var badCity = api.send("GET", "/api/v1/portal/status?municipality=271005&application=" + number + "&birthDate=1950-01-10", null,
				null, "vi");
		assertThat(errors(badCity)).containsExactly("municipality:check_digit");
		assertThat(badCity.json().get("errors").get(0).get("message").asString()).isEqualTo("Mã địa phương không đúng.");
		var noBenefits = api.send("GET", "/api/v1/portal/status?municipality=072079&application=" + number + "&birthDate=1950-01-10",
				null, null, "ja");
		assertThat(noBenefits.status()).isEqualTo(404);
		assertThat(noBenefits.firstError()).isEqualTo("municipality:not_found");
	}

	@Test
	void thePagesArePublicButTheirFormsNeedACsrfToken() {
		var page = api.send("GET", "/portal/status?municipality=271004", null, null, "ko");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("<html lang=\"ko\"").contains("신청 상황 확인").contains("name=\"_csrf\"");
		var forged = api.send("POST", "/portal/status", null, "municipality=271004&application=" + city.number(1) + "&birthYear=1950",
				"ja", Map.of("Content-Type", "application/x-www-form-urlencoded"));
		assertThat(forged.status()).isEqualTo(403);
	}

	@Test
	void oneClientThatAsksTooOftenIsToldToWait() {
		for (int i = 0; i < 30; i++) {
			assertThat(api.send("GET", "/api/v1/portal/status?municipality=271004", null, null, "en").status()).isEqualTo(422);
		}
		var refused = api.send("GET", "/api/v1/portal/status?municipality=271004", null, null, "en");
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.firstError()).isEqualTo("client:rate_limited");
	}

	private Api.Response status(int household, int member, String language) {
		return lookup(city.number(household), city.birthDate(household, member), language);
	}

	private Api.Response lookup(String number, String birthDate, String language) {
		return api.send("GET", "/api/v1/portal/status?municipality=" + BenefitCity.OSAKA + "&application=" + number + "&birthDate=" + birthDate,
				null, null, language);
	}

	private static List<String> errors(Api.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(422);
		var errors = new java.util.ArrayList<String>();
		response.json().get("errors").forEach(e -> errors.add(e.get("path").asString() + ":" + e.get("code").asString()));
		return errors;
	}

	private static List<String> fieldNames(Api.Response response) {
		var names = new java.util.ArrayList<String>();
		response.json().propertyNames().forEach(names::add);
		return names;
	}
}
