package org.madoguchi.residents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

/** How register rows are stored and read back: the city's partition, the columns every query selects, their mapping. */
final class RegisterRows {

	/** Select list for a version {@code v}. */
	static final String COLUMNS = """
			v.resident_id, v.household_id, v.relationship, v.name, v.name_kana, v.match_key, v.birth_date, v.sex, v.postal_code,
			v.address, v.registered_on, v.removed_on, v.removal_reason, v.my_number_masked, v.valid_from, v.valid_to""";

	/**
	 * The columns queries of the register filter, join and group on (here, in register_on and in the snapshot),
	 * the only ones worth statistics: analysing names, addresses and seals too took a city's first load
	 * twice as long for statistics no plan reads.
	 */
	static final String PLANNED_COLUMNS = """
			(tenant_id, resident_id, household_id, relationship, match_key, birth_date, registered_on, removed_on, valid_from,
			 valid_to)""";

	private RegisterRows() {
	}

	/** The city's partition of resident_version; named by the six-digit code, so it needs no quoting and injects nothing. */
	static String partition(String municipality) {
		if (!municipality.matches("[0-9]{6}")) {
			throw new IllegalArgumentException("not a municipality code");
		}
		return "resident_version_" + municipality;
	}

	/** JIS X 0303's codes, which registers use and which sort and compare without a language. */
	static String sexCode(Resident.Sex sex) {
		return sex == Resident.Sex.MALE ? "1" : "2";
	}

	static Resident resident(ResultSet row, int number) throws SQLException {
		return new Resident(row.getString("resident_id"), row.getString("household_id"), row.getString("relationship"),
				row.getString("name"), row.getString("name_kana"), row.getString("match_key"), date(row, "birth_date"),
				"1".equals(row.getString("sex")) ? Resident.Sex.MALE : Resident.Sex.FEMALE, row.getString("postal_code"),
				row.getString("address"), date(row, "registered_on"), date(row, "removed_on"), row.getString("removal_reason"),
				row.getString("my_number_masked"), date(row, "valid_from"), date(row, "valid_to"));
	}

	/** The driver reads 'infinity' (the end of a version in force) as LocalDate.MAX; the API says null. */
	private static LocalDate date(ResultSet row, String column) throws SQLException {
		var date = row.getObject(column, LocalDate.class);
		return LocalDate.MAX.equals(date) ? null : date;
	}
}
