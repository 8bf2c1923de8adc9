package org.madoguchi.japan;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * A date written YYYY-MM-DD exactly, as registers, vendors' files and the portal's forms write them, read
 * without a formatter: a register of 1.5 million rows, and the portal's status look-up, read one per row or call.
 */
public final class IsoDate {

	private IsoDate() {
	}

	/**
	 * @throws InvalidValue {@link InvalidValue#FORMAT} for any other shape, {@link InvalidValue#INVALID_DATE} for a
	 *         day the calendar lacks (2021-02-30)
	 */
	public static LocalDate of(String text) {
		if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
			throw new InvalidValue(InvalidValue.FORMAT, "a date is YYYY-MM-DD");
		}
		int year = digits(text, 0, 4);
		int month = digits(text, 5, 7);
		int day = digits(text, 8, 10);
		try {
			return LocalDate.of(year, month, day);
		} catch (DateTimeException e) {
			throw new InvalidValue(InvalidValue.INVALID_DATE, "no such day: " + text);
		}
	}

	private static int digits(String text, int from, int to) {
		int value = 0;
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				throw new InvalidValue(InvalidValue.FORMAT, "a date is YYYY-MM-DD");
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}
}
