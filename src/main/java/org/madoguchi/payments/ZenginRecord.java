package org.madoguchi.payments;

import org.madoguchi.japan.ZenginText;

/**
 * One fixed-width record of a Zengin file, filled field by field from position 1. Numeric (N) fields are
 * right-aligned and zero-filled, text (C) fields left-aligned and space-filled, as the 全銀協 layout requires;
 * every value reaching here has been checked by its record type, so a misfit is a programming error.
 */
final class ZenginRecord {

	static final int LENGTH = 120;

	private final StringBuilder text = new StringBuilder(LENGTH);

	ZenginRecord(char dataType) {
		text.append(dataType);
	}

	ZenginRecord fixed(String value) {
		text.append(value);
		return this;
	}

	ZenginRecord number(String digits, int width) {
		if (digits.length() > width) {
			throw new IllegalStateException("a " + digits.length() + "-digit value in a " + width + "-digit field");
		}
		text.append("0".repeat(width - digits.length())).append(digits);
		return this;
	}

	ZenginRecord number(long value, int width) {
		return number(Long.toString(value), width);
	}

	/** A name longer than its field is cut, never split between a kana and its voicing mark. */
	ZenginRecord text(ZenginText value, int width) {
		String cut = value.cut(width).value();
		text.append(cut).append(" ".repeat(width - cut.length()));
		return this;
	}

	ZenginRecord blank(int width) {
		text.append(" ".repeat(width));
		return this;
	}

	/** The record in CP932, refused unless it is exactly 120 bytes: a bank rejects a whole file for one bad record. */
	byte[] bytes() {
		byte[] bytes = text.toString().getBytes(ZenginText.CP932);
		if (text.length() != LENGTH || bytes.length != LENGTH) {
			throw new IllegalStateException("a Zengin record of data type " + text.charAt(0) + " came to "
					+ bytes.length + " bytes instead of " + LENGTH);
		}
		return bytes;
	}
}
