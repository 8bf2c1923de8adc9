package org.madoguchi.benefits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.madoguchi.Api;
import org.madoguchi.MadoguchiTest;
import org.madoguchi.japan.OfficeCalendar;
import org.madoguchi.portal.web.ClientRateLimit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Kobe 2020 case in small: a generated city of a few thousand residents, with planted trouble, from the
 * register to two Zengin files and a reconciliation that adds up. Every step goes through the HTTP API as the
 * person whose job it is; the Zengin files are read back by a parser of the test's own.
 */
@MadoguchiTest
class CashBenefitEndToEndTest {

	static final String BASE = BenefitCity.PROGRAMMES;
	static final int HOUSEHOLDS = 1_200;
	static final int APPLYING = 1_000;

	@LocalServerPort
	int port;

	@Autowired
	ClientRateLimit portalLimit;

	@Test
	void aCityIsPaidOncePerHouseholdWhateverArrivesAndTheReportAddsUp() {
		var api = new Api(port);
		portalLimit.forget("127.0.0.1");
		var city = BenefitCity.registered(api, "e", HOUSEHOLDS);
		String programme = city.programmeId();
		LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Tokyo"));
		assertThat(api.post(BASE, api.token("admin"), BenefitCity.programme(programme, false, today.minusDays(30), today.plusDays(60)))
			.status()).isEqualTo(201);
		var eligibility = api.post(BASE + "/" + programme + "/snapshot", api.token("admin"), null);
		assertThat(eligibility.status()).isEqualTo(200);
		var numbers = city.applicationNumbers(api, programme);
		assertThat(numbers).hasSize(HOUSEHOLDS);

		// mailed forms from households 1..1000, with trouble planted in a few
		var file = new StringBuilder(CashBenefitIntakeTest.FORM_HEADER + "\r\n");
		for (int h = 1; h <= APPLYING; h++) {
			if (h == 6) {
				continue; // applies online, by a member who is not the head
			}
			String declined = h == 3 ? city.resident(3, 1) : "";
			String holder = h == 4 ? "ヤマダ ショータ" : "ｵｵｻｶ ﾀﾛｳ"; // small kana and a long vowel
			String bank = h == 5 ? "9900,10170,,12345671" : "0001,001,1," + String.format("%07d", h);
			file.append(String.join(",", numbers.get(city.household(h)), declined, bank, holder, "06-1234-5678", today.toString()))
				.append("\r\n");
		}
		var imported = api.send("POST", BASE + "/" + programme + "/applications:import", api.token("osaka-clerk"), file.toString(), "en",
				Map.of("Content-Type", "text/csv"));
		assertThat(imported.status()).isEqualTo(200);
		assertThat(imported.json().get("created").asInt()).isEqualTo(APPLYING - 1);

		// household 1 applies again online (held as a duplicate); household 6 by a member who is not the head
		assertThat(online(api, city, numbers, 1, 0).json().get("status").asString()).isIn("received", "checking");
		var nonHead = online(api, city, numbers, 6, 1);
		assertThat(nonHead.json().get("status").asString()).isEqualTo("correction-needed");

		var pending = api.get(BASE + "/" + programme + "/approvals", api.token("osaka-official")).json();
		assertThat(pending.get("count").asInt()).isEqualTo(APPLYING - 1);
		assertThat(api.post(BASE + "/" + programme + "/approvals", api.token("osaka-official"), pending.toString()).status()).isEqualTo(200);

		// first batch: everyone approved
		LocalDate first = OfficeCalendar.standard().businessDayOnOrAfter(today.plusDays(7));
		var batch1 = api.post(BASE + "/" + programme + "/payment-batches", api.token("osaka-official"), Api.json(Map.of("transferDate", first)));
		assertThat(batch1.status()).isEqualTo(201);
		long batch1Id = batch1.json().get("id").asLong();
		var zengin1 = ZenginFileReader.read(api.download(BASE + "/" + programme + "/payment-batches/" + batch1Id + "/zengin",
				api.token("osaka-official")));
		assertThat(zengin1.transfers()).hasSize(APPLYING - 1);
		assertThat(zengin1.trailerCount()).isEqualTo(APPLYING - 1);
		assertThat(zengin1.trailerTotal()).isEqualTo(zengin1.transfers().stream().mapToLong(ZenginFileReader.Transfer::amount).sum())
			.isEqualTo(batch1.json().get("total").asLong());
		assertThat(zengin1.transferDate()).isEqualTo("%02d%02d".formatted(first.getMonthValue(), first.getDayOfMonth()));
		var byNumber = new java.util.HashMap<String, ZenginFileReader.Transfer>();
		zengin1.transfers().forEach(t -> byNumber.put(t.customerCode(), t));
		assertThat(byNumber.get(numbers.get(city.household(4))).payee()).isEqualTo("ﾔﾏﾀﾞ ｼﾖ-ﾀ");
		assertThat(byNumber.get(numbers.get(city.household(5)))).extracting(ZenginFileReader.Transfer::bankCode,
				ZenginFileReader.Transfer::branchCode, ZenginFileReader.Transfer::accountNumber).containsExactly("9900", "018", "1234567");
		// the member who declined is not paid for; the one who died after the reference date is
		assertThat(byNumber.get(numbers.get(city.household(3))).amount()).isEqualTo((city.size(3) - 1) * BenefitCity.AMOUNT);
		assertThat(byNumber.get(numbers.get(city.household(2))).amount()).isEqualTo(city.size(2) * BenefitCity.AMOUNT);
		assertThat(api.post(BASE + "/" + programme + "/payment-batches/" + batch1Id + ":send", api.token("osaka-official"), null).status())
			.isEqualTo(200);
		assertThat(status(api, city, numbers, 7).get("status").asString()).isEqualTo("paid");

		// the bank returns household 8's transfer; the resident gives another account; it is paid in a second batch
		String returned = numbers.get(city.household(8));
		var results = api.send("POST", BASE + "/" + programme + "/bank-results:import", api.token("osaka-clerk"),
				"application_number,result_code,reason\r\n" + returned + ",1,口座なし\r\n", "en", Map.of("Content-Type", "text/csv"));
		assertThat(results.status()).isEqualTo(200);
		assertThat(status(api, city, numbers, 8).get("status").asString()).isEqualTo("returned");
		assertThat(api.post(BASE + "/" + programme + "/applications/" + returned + "/account", api.token("osaka-clerk"), Api.json(Map.of(
				"bankCode", "0005", "branchCode", "001", "accountType", "1", "accountNumber", "7777777", "holderKana", "ｵｵｻｶ ﾀﾛｳ")))
			.json().get("status").asString()).isEqualTo("approved");
		LocalDate second = OfficeCalendar.standard().businessDayOnOrAfter(first.plusDays(1));
		var batch2 = api.post(BASE + "/" + programme + "/payment-batches", api.token("osaka-official"), Api.json(Map.of("transferDate", second)));
		assertThat(batch2.status()).isEqualTo(201);
		var zengin2 = ZenginFileReader.read(api.download(BASE + "/" + programme + "/payment-batches/" + batch2.json().get("id").asLong()
				+ "/zengin", api.token("osaka-official")));
		assertThat(zengin2.transfers()).extracting(ZenginFileReader.Transfer::customerCode).containsExactly(returned);
		assertThat(zengin2.transfers().getFirst().bankCode()).isEqualTo("0005");

		// no household paid twice: every number once, once the returned transfer is taken out
		var paid = new ArrayList<String>();
		zengin1.transfers().stream().map(ZenginFileReader.Transfer::customerCode).filter(n -> !n.equals(returned)).forEach(paid::add);
		zengin2.transfers().forEach(t -> paid.add(t.customerCode()));
		assertThat(new HashSet<>(paid)).hasSize(paid.size()).hasSize(APPLYING - 1);

		var report = api.get(BASE + "/" + programme + "/reconciliation", api.token("osaka-official")).json();
		assertThat(report.get("balanced").asBoolean()).as(report.toString()).isTrue();
		assertThat(report.get("eligibleHouseholds").asLong()).isGreaterThanOrEqualTo(HOUSEHOLDS);
		assertThat(report.get("applications").get("mail").asInt()).isEqualTo(APPLYING - 1);
		assertThat(report.get("applications").get("online").asInt()).isEqualTo(2);
		assertThat(report.get("duplicatesHeld").asInt()).isEqualTo(1);
		assertThat(report.get("deficienciesOpen").asInt()).isEqualTo(1);
		assertThat(report.get("paidCount").asInt()).isEqualTo(APPLYING - 1);
		assertThat(report.get("returnedCount").asInt()).isEqualTo(1);
		assertThat(report.get("returnedAmount").asLong()).isEqualTo(city.size(8) * BenefitCity.AMOUNT);
		assertThat(report.get("declinedPersons").asInt()).isEqualTo(1);
		assertThat(report.get("paidAmount").asLong()).isEqualTo(zengin1.trailerTotal() + zengin2.trailerTotal()
				- city.size(8) * BenefitCity.AMOUNT);
	}

	private static Api.Response online(Api api, BenefitCity city, Map<String, String> numbers, int household, int member) {
		var response = api.send("POST", "/api/v1/portal/applications", null, Api.json(Map.of("municipality", BenefitCity.OSAKA,
				"application", numbers.get(city.household(household)), "birthDate", BenefitCity.birthDate(household, member), "bankCode",
				"0001", "branchCode", "001", "accountType", "1", "accountNumber", "2222222", "accountHolderKana", "オオサカ ハナコ", "phone",
				"090-1234-5678")), "en", Map.of("Idempotency-Key", UUID.randomUUID().toString()));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response;
	}

	private static tools.jackson.databind.JsonNode status(Api api, BenefitCity city, Map<String, String> numbers, int household) {
		var response = api.get("/api/v1/portal/status?municipality=" + BenefitCity.OSAKA + "&application=" + numbers.get(city.household(household))
				+ "&birthDate=" + BenefitCity.birthDate(household, 0), null);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

}
