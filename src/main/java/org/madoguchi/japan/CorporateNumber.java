package org.madoguchi.japan;

import static org.madoguchi.japan.InvalidValue.CHECK_DIGIT;
import static org.madoguchi.japan.InvalidValue.FORMAT;

/** 法人番号: thirteen digits whose check digit comes first, ahead of the twelve-digit base. */
public record CorporateNumber(String value) {

	public CorporateNumber {
		InvalidValue.required(value, "corporate number");
		if (!Digits.exactly(value, 13)) {
			throw new InvalidValue(FORMAT, "corporate number must be 13 digits");
		}
		if (value.charAt(0) != checkDigit(value.substring(1))) {
			throw new InvalidValue(CHECK_DIGIT, "corporate number check digit does not match");
		}
	}

	public static CorporateNumber of(String value) {
		return new CorporateNumber(value);
	}

	public static boolean isValid(String value) {
		return Digits.exactly(value, 13) && value.charAt(0) == checkDigit(value.substring(1));
	}

	public static char checkDigit(String twelveDigits) {
		if (!Digits.exactly(twelveDigits, 12)) {
			throw new InvalidValue(FORMAT, "check digit needs the 12-digit base");
		}
		int sum = 0;
		// The law counts digits from the lowest one: odd positions weigh 1, even positions 2.
		for (int n = 1; n <= 12; n++) {
			sum += Digits.at(twelveDigits, 12 - n) * (n % 2 == 1 ? 1 : 2);
		}
		return Digits.digit(9 - sum % 9);
	}
}
