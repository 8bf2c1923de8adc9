package org.madoguchi.casework;

import org.madoguchi.japan.InvalidValue;

/**
 * A case number as staff and residents type it: two digits of the year, an eight-digit serial and a
 * check digit, shown as {@code 26-00001234-5}. The check digit uses Damm's algorithm, which catches every
 * single wrong digit and every swap of two neighbouring digits — the two mistakes people make at a keyboard.
 */
public record CaseNumber(String value) {

	private static final int[][] DAMM = {
			{ 0, 3, 1, 7, 5, 9, 8, 6, 4, 2 }, { 7, 0, 9, 2, 1, 5, 4, 8, 6, 3 }, { 4, 2, 0, 6, 8, 7, 1, 3, 5, 9 },
			{ 1, 7, 5, 0, 9, 8, 3, 4, 2, 6 }, { 6, 1, 2, 3, 0, 4, 5, 9, 7, 8 }, { 3, 6, 7, 4, 2, 0, 9, 5, 8, 1 },
			{ 5, 8, 6, 9, 7, 2, 0, 1, 3, 4 }, { 8, 9, 4, 5, 3, 6, 2, 0, 1, 7 }, { 9, 4, 3, 8, 6, 1, 7, 2, 0, 5 },
			{ 2, 5, 8, 1, 4, 3, 6, 7, 9, 0 } };

	public CaseNumber {
		if (value == null || !value.matches("\\d{11}")) {
			throw new InvalidValue(InvalidValue.FORMAT, "a case number has 11 digits");
		}
		if (damm(value) != 0) {
			throw new InvalidValue(InvalidValue.CHECK_DIGIT, "case number check digit does not match");
		}
	}

	/** The number for a serial issued in a given year. */
	public static CaseNumber issue(int year, long serial) {
		if (serial < 0 || serial > 99_999_999L) {
			throw new IllegalArgumentException("serial out of range");
		}
		String body = String.format("%02d%08d", year % 100, serial);
		return new CaseNumber(body + damm(body));
	}

	/** Reads a number as typed: with or without hyphens or spaces, in full-width digits too. */
	public static CaseNumber parse(String typed) {
		if (typed == null) {
			throw new InvalidValue(InvalidValue.REQUIRED, "case number missing");
		}
		var digits = new StringBuilder();
		for (char c : typed.toCharArray()) {
			if (c >= '０' && c <= '９') {
				digits.append((char) (c - '０' + '0'));
			} else if (c >= '0' && c <= '9') {
				digits.append(c);
			} else if (c != '-' && c != ' ' && c != '－' && c != '　' && c != 'ー') {
				throw new InvalidValue(InvalidValue.FORMAT, "a case number has only digits and hyphens");
			}
		}
		return new CaseNumber(digits.toString());
	}

	public String formatted() {
		return value.substring(0, 2) + "-" + value.substring(2, 10) + "-" + value.substring(10);
	}

	@Override
	public String toString() {
		return formatted();
	}

	private static int damm(String digits) {
		int interim = 0;
		for (char c : digits.toCharArray()) {
			interim = DAMM[interim][c - '0'];
		}
		return interim;
	}
}
