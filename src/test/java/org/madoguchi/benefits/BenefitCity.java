package org.madoguchi.benefits;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.madoguchi.Api;

/**
 * A generated city in 大阪市 (271004) with planted trouble, registered through the API, and a programme for
 * it. Household i has 1–4 members; ids carry the test's prefix so tests sharing the database stay apart.
 */
final class BenefitCity {

	static final String OSAKA = "271004";
	static final LocalDate REFERENCE_DATE = LocalDate.of(2026, 4, 27);
	static final long AMOUNT = 100_000;
	static final String REGISTER_HEADER = "resident_id,household_id,relationship,name,name_kana,birth_date,sex,postal_code,address,"
			+ "registered_on,removed_on,removal_reason,my_number";

	final String prefix;
	final int households;
	final List<String> rows = new ArrayList<>();
	int eligiblePersons;

	BenefitCity(String prefix, int households) {
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

	String resident(int household, int member) {
		return prefix + "r" + household + "x" + member;
	}

	String household(int household) {
		return prefix + "h" + household;
	}

	int size(int household) {
		return 1 + household % 4;
	}

	String registerCsv() {
		return REGISTER_HEADER + "\r\n" + String.join("\r\n", rows) + "\r\n";
	}

	void register(Api api) {
		var response = api.send("POST", "/api/v1/municipalities/" + OSAKA + "/register:import", api.token("admin"), registerCsv(), "en",
				Map.of("Content-Type", "text/csv"));
		if (response.status() != 200 || response.json().get("rejected").size() != 0) {
			throw new IllegalStateException("register import failed: " + response);
		}
	}

	/** The programme's definition as the API takes it. */
	static String programme(String id, boolean manualCheck) {
		return Api.json(Map.of("id", id, "name", "特別定額給付金（テスト）", "referenceDate", REFERENCE_DATE.toString(), "amountPerPerson", AMOUNT,
				"applicationStart", "2026-05-01", "applicationEnd", "2026-08-31", "manualCheck", manualCheck, "payer",
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

	/** Different for every member of a household, so the portal can tell them apart by birth date. */
	static String birthDate(int household, int member) {
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
