package org.madoguchi.japan;

/** Digit handling shared by the numbered identifiers. */
final class Digits {

	private Digits() {
	}

	/** ASCII only: Character.isDigit would let Arabic-Indic or full-width digits into a stored code. */
	static boolean exactly(String text, int length) {
		if (text == null || text.length() != length) {
			return false;
		}
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}

	static int at(String digits, int index) {
		return digits.charAt(index) - '0';
	}

	static char digit(int value) {
		return (char) ('0' + value);
	}

	/**
	 * Folds full-width ASCII (U+FF01–U+FF5E) and the ideographic space to their ASCII forms, for
	 * reading what residents type with an IME on. Done by hand because NFKC would also rewrite
	 * compatibility ideographs, which this project forbids.
	 */
	static String foldFullWidth(String text) {
		StringBuilder folded = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= '\uFF01' && c <= '\uFF5E') {
				folded.append((char) (c - 0xFEE0));
			} else if (c == '\u3000') {
				folded.append(' ');
			} else {
				folded.append(c);
			}
		}
		return folded.toString();
	}
}
