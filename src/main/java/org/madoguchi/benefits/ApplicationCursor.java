package org.madoguchi.benefits;

import java.time.LocalDate;
import java.util.Objects;

import org.madoguchi.japan.InvalidValue;
import org.madoguchi.japan.IsoDate;
import org.madoguchi.platform.InvalidInput;

/**
 * A place in an application list, whose order is oldest received first, then by id: the application a page
 * ended or began with. A place, not an offset, because the lists shrink while people work them (every settled
 * application leaves its list), and counting rows would then skip one behind the worker's back. Written
 * {@code 2026-05-20_123} in the pages' links and the API's {@code next}.
 */
public record ApplicationCursor(LocalDate receivedOn, long id) {

	public ApplicationCursor {
		Objects.requireNonNull(receivedOn, "receivedOn");
		if (id < 1) {
			throw new IllegalArgumentException("application ids start at 1");
		}
	}

	static ApplicationCursor of(ApplicationRecords.Application application) {
		return new ApplicationCursor(application.receivedOn(), application.id());
	}

	/**
	 * Reads what {@link #toString()} wrote; the text comes from an address, so anything else is bad input.
	 *
	 * @throws InvalidInput on {@code parameter} with the code {@code format}
	 */
	public static ApplicationCursor parse(String parameter, String text) {
		int separator = text.indexOf('_');
		// a date of 10 characters and an id of 1 to 18 digits, so the id fits a long without checking its value
		if (separator != 10 || text.length() < 12 || text.length() > 29) {
			throw new InvalidInput(parameter, InvalidValue.FORMAT);
		}
		long id = 0;
		for (int i = separator + 1; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				throw new InvalidInput(parameter, InvalidValue.FORMAT);
			}
			id = id * 10 + (c - '0');
		}
		try {
			return new ApplicationCursor(IsoDate.of(text.substring(0, separator)), id);
		} catch (IllegalArgumentException e) { // a day the calendar lacks, or id 0
			throw new InvalidInput(parameter, InvalidValue.FORMAT);
		}
	}

	@Override
	public String toString() {
		return receivedOn + "_" + id;
	}
}
