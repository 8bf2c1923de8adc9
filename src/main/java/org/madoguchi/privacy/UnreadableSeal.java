package org.madoguchi.privacy;

/**
 * Sealed bytes that do not open: altered, copied from another municipality or field, or sealed under a
 * key this install does not have. Never a reason to guess; the message carries no data.
 */
public class UnreadableSeal extends RuntimeException {

	public UnreadableSeal(String message) {
		super(message);
	}
}
