package org.madoguchi.payments;

import org.madoguchi.japan.InvalidValue;

/**
 * The check for a Zengin numeric (N) field's value: ASCII digits only, at most the field's width. Callers
 * fold full-width digits before they get here; this layer writes files and takes its input as given.
 */
final class NumericField {

	private NumericField() {
	}

	static String digits(String value, int minDigits, int maxDigits, String what) {
		if (value == null || value.isEmpty()) {
			throw new InvalidValue(InvalidValue.REQUIRED, what + " is required");
		}
		if (value.length() < minDigits || value.length() > maxDigits || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
			String size = minDigits == maxDigits ? String.valueOf(maxDigits) : minDigits + " to " + maxDigits;
			throw new InvalidValue(InvalidValue.FORMAT, what + " must be " + size + " digits");
		}
		return value;
	}

	static String zeroPadded(String digits, int width) {
		return "0".repeat(width - digits.length()) + digits;
	}
}
