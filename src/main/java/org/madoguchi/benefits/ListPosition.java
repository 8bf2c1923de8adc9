package org.madoguchi.benefits;

import org.madoguchi.japan.InvalidValue;
import org.madoguchi.platform.InvalidInput;

/**
 * Which page of an application list to read: the first, the one after a cursor (the next page) or the one
 * before it (the previous page), and how many rows a page holds. A worker reaches every application of a list
 * of any length by following the next pages; one page is kept small enough to read and to answer quickly.
 */
public record ListPosition(ApplicationCursor after, ApplicationCursor before, int size) {

	/** Rows on a page unless a smaller size is asked for, and the most that may be. */
	public static final int MAX_SIZE = 100;

	public ListPosition {
		if (after != null && before != null) {
			throw new InvalidInput("before", InvalidValue.FORMAT);
		}
		if (size < 1 || size > MAX_SIZE) {
			throw new InvalidInput("size", InvalidValue.OUT_OF_RANGE);
		}
	}

	public static ListPosition first(int size) {
		return new ListPosition(null, null, size);
	}

	/**
	 * The request's {@code after}, {@code before} and {@code size} parameters, each optional (blank is absent).
	 *
	 * @throws InvalidInput naming the parameter that cannot be read
	 */
	public static ListPosition of(String after, String before, String size) {
		return new ListPosition(cursor("after", after), cursor("before", before), size(size));
	}

	ListPosition firstPage() {
		return first(size);
	}

	private static ApplicationCursor cursor(String parameter, String text) {
		return text == null || text.isEmpty() ? null : ApplicationCursor.parse(parameter, text);
	}

	private static int size(String text) {
		if (text == null || text.isEmpty()) {
			return MAX_SIZE;
		}
		if (text.length() > 3 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
			throw new InvalidInput("size", InvalidValue.FORMAT);
		}
		return Integer.parseInt(text);
	}
}
