package org.madoguchi.portal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.madoguchi.Api;
import org.madoguchi.benefits.BenefitCity;
import org.madoguchi.japan.OfficeCalendar;

/**
 * A {@link BenefitCity} with a programme open today (online applications are received today, in Tokyo) and
 * its snapshot taken, for the portal's API and browser tests. Household i's head is member 0; every member
 * of a household has a birth date of their own.
 */
public final class PortalCity {

	public static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));
	static final String MAILED_HEADER = "application_number,declined_resident_ids,bank_code,branch_code,account_type,account_number,"
			+ "account_holder_kana,phone,received_on";

	public final BenefitCity city;
	public final String programme;
	private final Map<String, String> numbers;

	private PortalCity(BenefitCity city, String programme, Map<String, String> numbers) {
		this.city = city;
		this.programme = programme;
		this.numbers = numbers;
	}

	/** Registers a city of {@code households} households, a programme open from 10 days ago for a month, and its snapshot. */
	public static PortalCity open(Api api, int households) {
		var city = BenefitCity.registered(api, "q", households);
		String programme = city.programmeId();
		var created = api.post(BenefitCity.PROGRAMMES, api.token("admin"),
				BenefitCity.programme(programme, false, TODAY.minusDays(10), TODAY.plusDays(30)));
		if (created.status() != 201) {
			throw new IllegalStateException("no programme: " + created);
		}
		api.post(BenefitCity.PROGRAMMES + "/" + programme + "/snapshot", api.token("admin"), null);
		return new PortalCity(city, programme, city.applicationNumbers(api, programme));
	}

	/** The household's application number, 10 digits. */
	public String number(int household) {
		return numbers.get(city.household(household));
	}

	public String birthDate(int household, int member) {
		return BenefitCity.birthDate(household, member);
	}

	/** Imports mailed forms through the back office's API, one per household, received today with a good account. */
	public void mail(Api api, int... households) {
		var file = new StringBuilder(MAILED_HEADER).append("\r\n");
		for (int household : households) {
			file.append(String.join(",", number(household), "", "0001", "001", "1", "1234567", "ｵｵｻｶ ﾀﾛｳ", "06-1234-5678", TODAY.toString()))
				.append("\r\n");
		}
		mailRaw(api, file.toString());
	}

	/** Imports a vendor file as given (header included). */
	public void mailRaw(Api api, String file) {
		var imported = api.send("POST", BenefitCity.PROGRAMMES + "/" + programme + "/applications:import", api.token("osaka-clerk"),
				file, "en", Map.of("Content-Type", "text/csv"));
		if (imported.status() != 200) {
			throw new IllegalStateException("import failed: " + imported);
		}
	}

	/**
	 * Takes the mailed households' applications the whole way to a returned transfer, as the back office would:
	 * approved, paid in a batch whose file is written and sent, and returned in the bank's result file.
	 */
	public void payAndReturn(Api api, int household) {
		String base = BenefitCity.PROGRAMMES + "/" + programme;
		expect(api.post(base + "/approvals", api.token("osaka-official"), null), 200);
		LocalDate transfer = OfficeCalendar.standard().businessDayOnOrAfter(TODAY.plusDays(7));
		var batch = expect(api.post(base + "/payment-batches", api.token("osaka-official"), Api.json(Map.of("transferDate", transfer))), 201);
		String batchPath = base + "/payment-batches/" + batch.json().get("id").asLong();
		api.download(batchPath + "/zengin", api.token("osaka-official")); // a batch is sent only once its file was written
		expect(api.post(batchPath + ":send", api.token("osaka-official"), null), 200);
		expect(api.send("POST", base + "/bank-results:import", api.token("osaka-clerk"),
				"application_number,result_code,reason\r\n" + number(household) + ",1,口座なし\r\n", "en", Map.of("Content-Type", "text/csv")), 200);
	}

	private static Api.Response expect(Api.Response response, int status) {
		if (response.status() != status) {
			throw new IllegalStateException("expected " + status + ": " + response);
		}
		return response;
	}

	public static String header() {
		return MAILED_HEADER;
	}
}
