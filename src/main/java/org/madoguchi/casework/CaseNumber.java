package org.madoguchi.casework;

import org.madoguchi.japan.Damm;
import org.madoguchi.japan.InvalidValue;

/**
 * A case number as staff and residents type it: two digits of the year, an eight-digit serial and a
 * check digit ({@link Damm}), shown as {@code 26-00001234-5}.
 */
public record CaseNumber(String value) {

	public CaseNumber {
		if (value == null || !value.matches("\\d{11}")) {
			throw new InvalidValue(InvalidValue.FORMAT, "a case number has 11 digits");
		}
		if (!Damm.valid(value)) {
			throw new InvalidValue(InvalidValue.CHECK_DIGIT, "case number check digit does not match");
		}
	}

	/** The number for a serial issued in a given year. */
	public static CaseNumber issue(int year, long serial) {
		if (serial < 0 || serial > 99_999_999L) {
			throw new IllegalArgumentException("serial out of range");
		}
		String body = String.format("%02d%08d", year % 100, serial);
		return new CaseNumber(body + Damm.checkDigit(body));
	}

	/** Reads a number as typed: with or without hyphens or spaces, in full-width digits too. */
	public static CaseNumber parse(String typed) {
		return new CaseNumber(Damm.typedDigits(typed));
	}

	public String formatted() {
		return value.substring(0, 2) + "-" + value.substring(2, 10) + "-" + value.substring(10);
	}

	@Override
	public String toString() {
		return formatted();
	}
}
