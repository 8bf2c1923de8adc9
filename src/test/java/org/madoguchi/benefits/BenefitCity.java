package org.madoguchi.benefits;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.madoguchi.Api;

/**
 * A generated city in 大阪市 (271004) with planted trouble, registered through the API, and a programme for
 * it. Household i has 1–4 members; ids carry the test's prefix so tests sharing the database stay apart.
 * Public for the portal's API and browser tests, which live in other packages.
 */
public final class BenefitCity {

	public static final String OSAKA = "271004";
	public static final LocalDate REFERENCE_DATE = LocalDate.of(2026, 4, 27);
	public static final long AMOUNT = 100_000;
	public static final String PROGRAMMES = "/api/v1/municipalities/" + OSAKA + "/benefit-programmes";
	static final String REGISTER_HEADER = "resident_id,household_id,relationship,name,name_kana,birth_date,sex,postal_code,address,"
			+ "registered_on,removed_on,removal_reason,my_number";

	final String prefix;
	final int households;
	final List<String> rows = new ArrayList<>();
	int eligiblePersons;

	private BenefitCity(String prefix, int households) {
		this.prefix = prefix;
		this.households = households;
		for (int h = 1; h <= households; h++) {
			int size = 1 + h % 4;
			for (int m = 0; m < size; m++) {
				person(h, m, "2001-04-01", "");
				eligiblePersons++;
			}
		}
		// household 2's second member died after the reference date: still counted on it
		rows.set(indexOf(2, 1), line(2, 1, "2001-04-01", "2026-05-10", "死亡"));
		// household 3 gets a member who moved in after the reference date: not counted
		person(3, 9, "2026-05-01", "");
	}

	/**
	 * A city of its own for one test, imported into the register: its residents' and households' ids start with
	 * {@code tag} and a time-based suffix, so tests sharing 大阪市 never meet. {@link #programmeId()} names a
	 * programme of the same suffix.
	 */
	public static BenefitCity registered(Api api, String tag, int households) {
		var city = new BenefitCity(tag + Long.toString(System.nanoTime(), 36), households);
		city.register(api);
		return city;
	}

	public String programmeId() {
		return "p" + prefix;
	}

	public String resident(int household, int member) {
		return prefix + "r" + household + "x" + member;
	}

	public String household(int household) {
		return prefix + "h" + household;
	}

	public int size(int household) {
		return 1 + household % 4;
	}

	String registerCsv() {
		return REGISTER_HEADER + "\r\n" + String.join("\r\n", rows) + "\r\n";
	}

	public void register(Api api) {
		var response = api.send("POST", "/api/v1/municipalities/" + OSAKA + "/register:import", api.token("admin"), registerCsv(), "en",
				Map.of("Content-Type", "text/csv"));
		if (response.status() != 200 || response.json().get("rejected").size() != 0) {
			throw new IllegalStateException("register import failed: " + response);
		}
	}

	/** Creates the programme (as the admin), takes its snapshot, and answers its application numbers by household id. */
	Map<String, String> openProgramme(Api api, String id, boolean manualCheck) {
		var created = api.post(PROGRAMMES, api.token("admin"), programme(id, manualCheck));
		if (created.status() != 201) {
			throw new IllegalStateException("programme not created: " + created);
		}
		api.post(PROGRAMMES + "/" + id + "/snapshot", api.token("admin"), null);
		return new HashMap<>(applicationNumbers(api, id));
	}

	/** The scanning vendor's file of mailed forms, imported by a clerk; answers the import's report. */
	static Api.Response importMailed(Api api, String programme, String rows) {
		var response = api.send("POST", PROGRAMMES + "/" + programme + "/applications:import", api.token("osaka-clerk"),
				CashBenefitIntakeTest.FORM_HEADER + "\r\n" + rows, "en", Map.of("Content-Type", "text/csv"));
		if (response.status() != 200) {
			throw new IllegalStateException("mailed import failed: " + response);
		}
		return response;
	}

	/** The programme's definition as the API takes it. */
	static String programme(String id, boolean manualCheck) {
		return programme(id, manualCheck, LocalDate.of(2026, 5, 1), LocalDate.of(2026, 8, 31));
	}

	/** A programme open from {@code start} to {@code end}: online applications are received today, so theirs must cover it. */
	public static String programme(String id, boolean manualCheck, LocalDate start, LocalDate end) {
		return Api.json(Map.of("id", id, "name", "特別定額給付金（テスト）", "referenceDate", REFERENCE_DATE.toString(), "amountPerPerson", AMOUNT,
				"applicationStart", start.toString(), "applicationEnd", end.toString(), "manualCheck", manualCheck, "payer",
				Map.of("requesterCode", "1234567890", "name", "ｵｵｻｶｼ", "bankCode", "0001", "branchCode", "001", "accountType", "1",
						"accountNumber", "1234567")));
	}

	private void person(int household, int member, String registeredOn, String removedOn) {
		rows.add(line(household, member, registeredOn, removedOn, ""));
	}

	private String line(int household, int member, String registeredOn, String removedOn, String reason) {
		String relationship = member == 0 ? "世帯主" : member == 1 ? "妻" : "子";
		return String.join(",", resident(household, member), household(household), relationship, "大阪 太郎" + member,
				"オオサカ タロウ", birthDate(household, member), member % 2 == 0 ? "1" : "2",
				"5308201", "大阪市北区中之島1丁目3番20号", registeredOn, removedOn, reason, "");
	}

	/** The forms file's application numbers by household id, for this city's households only (the snapshot must be taken). */
	public Map<String, String> applicationNumbers(Api api, String programme) {
		var csv = api.get(PROGRAMMES + "/" + programme + "/forms.csv", api.token("admin"));
		if (csv.status() != 200) {
			throw new IllegalStateException("no forms: " + csv);
		}
		var lines = csv.body().replace("\uFEFF", "").split("\r\n");
		var header = List.of(lines[0].split(","));
		int number = header.indexOf("application_number");
		int household = header.indexOf("household_id");
		var numbers = new HashMap<String, String>();
		for (int i = 1; i < lines.length; i++) {
			var cells = lines[i].split(",", -1);
			if (cells[household].startsWith(prefix)) {
				numbers.put(cells[household], cells[number]);
			}
		}
		return numbers;
	}

	/** Different for every member of a household, so the portal can tell them apart by birth date. */
	public static String birthDate(int household, int member) {
		return "%04d-%02d-%02d".formatted(1950 + (member * 7 + household) % 50, 1 + member % 12, 10 + member % 9);
	}

	private int indexOf(int household, int member) {
		String start = resident(household, member) + ",";
		for (int i = 0; i < rows.size(); i++) {
			if (rows.get(i).startsWith(start)) {
				return i;
			}
		}
		throw new IllegalArgumentException(start);
	}
}
