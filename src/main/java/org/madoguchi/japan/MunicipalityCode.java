package org.madoguchi.japan;

import static org.madoguchi.japan.InvalidValue.CHECK_DIGIT;
import static org.madoguchi.japan.InvalidValue.FORMAT;

/** 全国地方公共団体コード: five digits and a check digit, e.g. 281000 for 神戸市. */
public record MunicipalityCode(String value) {

	private static final int[] WEIGHTS = {6, 5, 4, 3, 2};

	public MunicipalityCode {
		InvalidValue.required(value, "municipality code");
		if (!Digits.exactly(value, 6)) {
			throw new InvalidValue(FORMAT, "municipality code must be 6 digits");
		}
		if (value.charAt(5) != checkDigit(value.substring(0, 5))) {
			throw new InvalidValue(CHECK_DIGIT, "municipality code check digit does not match");
		}
	}

	public static MunicipalityCode of(String value) {
		return new MunicipalityCode(value);
	}

	public static boolean isValid(String value) {
		return Digits.exactly(value, 6) && value.charAt(5) == checkDigit(value.substring(0, 5));
	}

	public static char checkDigit(String fiveDigits) {
		if (!Digits.exactly(fiveDigits, 5)) {
			throw new InvalidValue(FORMAT, "check digit needs the first 5 digits");
		}
		int sum = 0;
		for (int i = 0; i < WEIGHTS.length; i++) {
			sum += Digits.at(fiveDigits, i) * WEIGHTS[i];
		}
		// 11 − 0 = 11 is written as its last digit, 1 (札幌市中央区 011011), and 10 as 0.
		return Digits.digit((11 - sum % 11) % 10);
	}
}
