package org.madoguchi.japan;

import static org.madoguchi.japan.InvalidValue.CHECK_DIGIT;
import static org.madoguchi.japan.InvalidValue.FORMAT;

/**
 * 個人番号 (My Number). The 番号法 restricts where the number may be kept, so {@link #toString()}
 * is masked: a record logged or rendered by accident shows only the last four digits.
 */
public record MyNumber(String value) {

	private static final int[] WEIGHTS = {6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2};

	public MyNumber {
		InvalidValue.required(value, "My Number");
		if (!Digits.exactly(value, 12)) {
			throw new InvalidValue(FORMAT, "My Number must be 12 digits");
		}
		if (value.charAt(11) != checkDigit(value.substring(0, 11))) {
			throw new InvalidValue(CHECK_DIGIT, "My Number check digit does not match");
		}
	}

	public static MyNumber of(String value) {
		return new MyNumber(value);
	}

	public static boolean isValid(String value) {
		return Digits.exactly(value, 12) && value.charAt(11) == checkDigit(value.substring(0, 11));
	}

	public static char checkDigit(String elevenDigits) {
		if (!Digits.exactly(elevenDigits, 11)) {
			throw new InvalidValue(FORMAT, "check digit needs the first 11 digits");
		}
		int sum = 0;
		for (int i = 0; i < WEIGHTS.length; i++) {
			sum += Digits.at(elevenDigits, i) * WEIGHTS[i];
		}
		int remainder = sum % 11;
		return Digits.digit(remainder <= 1 ? 0 : 11 - remainder);
	}

	/** The last four digits are what residents and staff use to confirm a number over the counter. */
	public String masked() {
		return "********" + value.substring(8);
	}

	@Override
	public String toString() {
		return masked();
	}
}
