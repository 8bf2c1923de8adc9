package org.madoguchi.residents;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import org.madoguchi.japan.InvalidValue;
import org.madoguchi.japan.IsoDate;
import org.madoguchi.japan.KanaName;
import org.madoguchi.japan.MyNumber;
import org.madoguchi.japan.PostalCode;
import org.madoguchi.platform.InvalidInput;
import org.madoguchi.platform.Problem;
import org.madoguchi.platform.csv.CsvRows;

/**
 * The columns of a register extract and the checks on each row. Problems are named by column, so a clerk
 * fixing the file sees {@code birth_date: invalid_date} on line 7; a row with any problem is not used.
 */
final class ExtractRows {

	static final List<String> COLUMNS = List.of("resident_id", "household_id", "relationship", "name", "name_kana",
			"birth_date", "sex", "postal_code", "address", "registered_on", "removed_on", "removal_reason", "my_number");

	/** Far above every field's limit; it only stops a runaway cell (an unclosed quote) early. */
	static final int MAX_CELL = 1_000;

	private static final int RESIDENT_ID = 0, HOUSEHOLD_ID = 1, RELATIONSHIP = 2, NAME = 3, NAME_KANA = 4, BIRTH_DATE = 5, SEX = 6,
			POSTAL_CODE = 7, ADDRESS = 8, REGISTERED_ON = 9, REMOVED_ON = 10, REMOVAL_REASON = 11, MY_NUMBER = 12;

	/** Longest values by column, in characters. Registers print names in fixed boxes, so these are generous. */
	private static final int[] LIMITS = {32, 32, 20, 100, 100, 10, 10, 10, 200, 10, 10, 50, 20};

	/** Where each of {@link #COLUMNS} is in the file's rows. */
	private final int[] at;

	private ExtractRows(int[] at) {
		this.at = at;
	}

	sealed interface Checked permits Good, Bad {
	}

	record Good(ExtractRow row) implements Checked {
	}

	record Bad(int line, List<Problem> problems) implements Checked {
	}

	/** Reads the header: every column once, in any order, nothing else; all faults are reported together. */
	static ExtractRows of(List<String> header) {
		var problems = new InvalidInput.Collector();
		int[] at = new int[COLUMNS.size()];
		Arrays.fill(at, -1);
		for (int i = 0; i < header.size(); i++) {
			int column = COLUMNS.indexOf(header.get(i).strip());
			if (column < 0) {
				problems.add("header[" + i + "]", "unknown_field");
			} else if (at[column] >= 0) {
				problems.add("header[" + i + "]", "duplicate");
			} else {
				at[column] = i;
			}
		}
		for (int column = 0; column < at.length; column++) {
			if (at[column] < 0) {
				problems.add("header", "missing_column", COLUMNS.get(column));
			}
		}
		problems.throwIfAny();
		return new ExtractRows(at);
	}

	Checked check(CsvRows.Row row) {
		var problems = new ArrayList<Problem>();
		if (row.width() != COLUMNS.size()) {
			problems.add(Problem.of("row", "columns", COLUMNS.size(), row.width()));
		}
		if (CsvRows.QUOTE.equals(row.problem())) {
			problems.add(Problem.of("row", "quote"));
		}
		if (!problems.isEmpty()) {
			return new Bad(row.line(), problems);
		}
		var fields = new Fields(row.cells(), problems);
		String residentId = fields.id(RESIDENT_ID);
		String householdId = fields.id(HOUSEHOLD_ID);
		String relationship = fields.text(RELATIONSHIP, true);
		String name = fields.text(NAME, true);
		String kana = fields.text(NAME_KANA, true);
		String matchKey = kana == null ? null : fields.valid(NAME_KANA, () -> matchKey(kana));
		LocalDate birthDate = fields.date(BIRTH_DATE, true);
		Resident.Sex sex = fields.sex();
		String postal = fields.text(POSTAL_CODE, true);
		String postalCode = postal == null ? null : fields.valid(POSTAL_CODE, () -> postalCode(postal));
		String address = fields.text(ADDRESS, true);
		LocalDate registeredOn = fields.date(REGISTERED_ON, true);
		LocalDate removedOn = fields.date(REMOVED_ON, false);
		String removalReason = fields.text(REMOVAL_REASON, false);
		String number = fields.text(MY_NUMBER, false);
		MyNumber myNumber = number == null ? null : fields.valid(MY_NUMBER, () -> MyNumber.of(number.strip()));
		if (registeredOn != null && removedOn != null && removedOn.isBefore(registeredOn)) {
			problems.add(Problem.of("removed_on", "before_registered"));
		}
		if (removalReason != null && removedOn == null && problems.stream().noneMatch(p -> p.path().equals("removed_on"))) {
			problems.add(Problem.of("removal_reason", "without_removal"));
		}
		if (!problems.isEmpty()) {
			return new Bad(row.line(), problems);
		}
		return new Good(new ExtractRow(row.line(), residentId, householdId, relationship, name, kana, matchKey, birthDate, sex,
				postalCode, address, registeredOn, removedOn, removalReason, myNumber));
	}

	/**
	 * The reading's match key. The register writes readings in katakana (full or half width); hiragana is
	 * refused here although {@link KanaName} would take it, since in an extract it means a wrong column.
	 */
	private static String matchKey(String kana) {
		for (int i = 0; i < kana.length(); i++) {
			if (kana.charAt(i) >= '\u3041' && kana.charAt(i) <= '\u309F') {
				throw new InvalidValue(InvalidValue.NOT_KANA, "an extract writes readings in katakana");
			}
		}
		return KanaName.of(kana).matchKey();
	}

	/** Seven ASCII digits as most extracts write them, without the regular expression; anything else as PostalCode reads it. */
	private static String postalCode(String text) {
		return text.length() == 7 && digits(text, 0, 7) ? text : PostalCode.of(text).value();
	}

	private static boolean digits(String text, int from, int to) {
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}

	/** One row's cells by column, collecting what is wrong with them. */
	private final class Fields {

		private final List<String> cells;
		private final List<Problem> problems;

		Fields(List<String> cells, List<Problem> problems) {
			this.cells = cells;
			this.problems = problems;
		}

		/** The cell as given, or null when blank (a problem if required) or unusable. One pass over it: a register has 20 million. */
		String text(int column, boolean required) {
			String cell = cells.get(at[column]);
			int limit = LIMITS[column];
			if (cell.length() > MAX_CELL) {
				return problem(column, "too_long", limit);
			}
			String fault = null;
			boolean blank = true;
			int points = 0;
			for (int i = 0; i < cell.length(); i++, points++) {
				char c = cell.charAt(i);
				if (Character.isHighSurrogate(c) && i + 1 < cell.length() && Character.isLowSurrogate(cell.charAt(i + 1))) {
					i++; // one character of two chars, as codePointCount counts it; never blank, never a control
					blank = false;
				} else if (fault != null) {
					continue; // the first fault is the one reported, unless the cell is too long as well
				} else if (Character.isISOControl(c)) {
					fault = "control_characters";
				} else if (Character.isSurrogate(c)) {
					fault = "invalid_characters";
				} else if (blank && !Character.isWhitespace(c)) {
					blank = false;
				}
			}
			if (points > limit) {
				return problem(column, "too_long", limit);
			}
			if (fault != null) {
				return problem(column, fault);
			}
			if (blank) {
				return required ? problem(column, "required") : null;
			}
			return cell;
		}

		/** Register ids go into keys and file names: letters, digits, '.', '_' and '-' only. */
		String id(int column) {
			String id = text(column, true);
			if (id == null) {
				return null;
			}
			for (int i = 0; i < id.length(); i++) {
				char c = id.charAt(i);
				if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '.' || c == '_' || c == '-')) {
					return problem(column, "format");
				}
			}
			return id;
		}

		/** YYYY-MM-DD exactly, and a day the calendar has (2021-02-30 is not one). */
		LocalDate date(int column, boolean required) {
			String text = text(column, required);
			if (text == null) {
				return null;
			}
			return valid(column, () -> IsoDate.of(text.strip()));
		}

		/** 1 or 男, 2 or 女: the codes of JIS X 0303 and the words the register prints. */
		Resident.Sex sex() {
			String text = text(SEX, true);
			if (text == null) {
				return null;
			}
			return switch (text.strip()) {
				case "1", "男" -> Resident.Sex.MALE;
				case "2", "女" -> Resident.Sex.FEMALE;
				default -> problem(SEX, "unknown_value", "1, 2, 男, 女");
			};
		}

		/** A value type's own check, its code (format, check_digit, not_kana …) reported on the column. */
		<T> T valid(int column, Supplier<T> value) {
			try {
				return value.get();
			} catch (InvalidValue e) {
				return problem(column, e.code());
			}
		}

		private <T> T problem(int column, String code, Object... arguments) {
			problems.add(Problem.of(COLUMNS.get(column), code, arguments));
			return null;
		}
	}
}
