package org.madoguchi.japan;

/**
 * Damm's check digit, used on the numbers people type from paper (case numbers, benefit application
 * numbers): it catches every single wrong digit and every swap of two neighbouring digits, the two
 * mistakes people make at a keyboard, and needs no letter the way ISO 7064 mod 11 sometimes does.
 */
public final class Damm {

	private static final int[][] TABLE = {
			{ 0, 3, 1, 7, 5, 9, 8, 6, 4, 2 }, { 7, 0, 9, 2, 1, 5, 4, 8, 6, 3 }, { 4, 2, 0, 6, 8, 7, 1, 3, 5, 9 },
			{ 1, 7, 5, 0, 9, 8, 3, 4, 2, 6 }, { 6, 1, 2, 3, 0, 4, 5, 9, 7, 8 }, { 3, 6, 7, 4, 2, 0, 9, 5, 8, 1 },
			{ 5, 8, 6, 9, 7, 2, 0, 1, 3, 4 }, { 8, 9, 4, 5, 3, 6, 2, 0, 1, 7 }, { 9, 4, 3, 8, 6, 1, 7, 2, 0, 5 },
			{ 2, 5, 8, 1, 4, 3, 6, 7, 9, 0 } };

	private Damm() {
	}

	/** The digit to append to {@code digits} (ASCII digits only). */
	public static int checkDigit(String digits) {
		int interim = 0;
		for (int i = 0; i < digits.length(); i++) {
			interim = TABLE[interim][digits.charAt(i) - '0'];
		}
		return interim;
	}

	/** True when the number, check digit included, is consistent. */
	public static boolean valid(String digitsWithCheck) {
		return checkDigit(digitsWithCheck) == 0;
	}

	/**
	 * The digits of a number as typed: full-width digits become ASCII, hyphens and spaces (either width,
	 * and the long-vowel mark that IMEs produce for a hyphen) are dropped; anything else is refused.
	 */
	public static String typedDigits(String typed) {
		if (typed == null) {
			throw new InvalidValue(InvalidValue.REQUIRED, "number missing");
		}
		var digits = new StringBuilder(typed.length());
		for (int i = 0; i < typed.length(); i++) {
			char c = typed.charAt(i);
			if (c >= '０' && c <= '９') {
				digits.append((char) (c - '０' + '0'));
			} else if (c >= '0' && c <= '9') {
				digits.append(c);
			} else if (c != '-' && c != ' ' && c != '－' && c != '　' && c != 'ー') {
				throw new InvalidValue(InvalidValue.FORMAT, "a number has only digits and hyphens");
			}
		}
		return digits.toString();
	}
}
