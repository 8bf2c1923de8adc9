package org.madoguchi.benefits;

import org.madoguchi.japan.Damm;
import org.madoguchi.japan.InvalidValue;

/**
 * The number printed on a household's form and typed by the resident on the portal: two digits naming the
 * programme within the city, seven for the household, and a {@link Damm} check digit. Ten digits in all, so
 * it fits the Zengin record's customer code, where the bank's result file hands it back.
 */
public record ApplicationNumber(String value) {

	public ApplicationNumber {
		if (value == null || !value.matches("[0-9]{10}")) {
			throw new InvalidValue(InvalidValue.FORMAT, "an application number has 10 digits");
		}
		if (!Damm.valid(value)) {
			throw new InvalidValue(InvalidValue.CHECK_DIGIT, "application number check digit does not match");
		}
	}

	public static ApplicationNumber of(int programmeOrdinal, long household) {
		if (programmeOrdinal < 10 || programmeOrdinal > 99 || household < 1 || household > 9_999_999) {
			throw new IllegalArgumentException("programme 10–99, household 1–9,999,999");
		}
		String body = String.format("%02d%07d", programmeOrdinal, household);
		return new ApplicationNumber(body + Damm.checkDigit(body));
	}

	/** As typed on paper or a phone: full-width digits, hyphens and spaces are fine. */
	public static ApplicationNumber parse(String typed) {
		return new ApplicationNumber(Damm.typedDigits(typed));
	}

	public String formatted() {
		return value.substring(0, 2) + "-" + value.substring(2, 9) + "-" + value.substring(9);
	}

	@Override
	public String toString() {
		return formatted();
	}
}
