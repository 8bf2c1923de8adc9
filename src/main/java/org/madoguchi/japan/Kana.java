package org.madoguchi.japan;

import static org.madoguchi.japan.InvalidValue.NOT_KANA;

/**
 * Kana conversions written out by hand. NFKC would do the width folding too, but it also rewrites
 * compatibility ideographs such as 神 (U+FA19) elsewhere in a record, which this project forbids.
 */
final class Kana {

	/** Half-width katakana U+FF66–U+FF9D in code point order. */
	private static final String HALF_WIDTH =
			"ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン";
	private static final String VOICEABLE = "カキクケコサシスセソタチツテトハヒフヘホ";
	private static final String SEMI_VOICEABLE = "ハヒフヘホ";

	private Kana() {
	}

	/** Full-width katakana from hiragana, half-width or full-width katakana; anything else is rejected. */
	static String toKatakana(String text) {
		if (isKatakana(text)) {
			return text;
		}
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= '\u3041' && c <= '\u3096') {
				out.append((char) (c + 0x60));
			} else if (isKeptAsIs(c)) {
				out.append(c);
			} else if (c >= '\uFF66' && c <= '\uFF9D') {
				out.append(HALF_WIDTH.charAt(c - '\uFF66'));
			} else if (c == '\uFF65') {
				out.append('・');
			} else if (c == '\uFF9E' || c == '\u3099') {
				// Half-width kana and text from macOS file names carry the voicing mark as its own character.
				voice(out, VOICEABLE, 1);
			} else if (c == '\uFF9F' || c == '\u309A') {
				voice(out, SEMI_VOICEABLE, 2);
			} else {
				throw notKana();
			}
		}
		return out.toString();
	}

	/** Folds the spellings that one person's name gets in different registers into one key. */
	static String matchKey(String katakana) {
		char[] key = new char[katakana.length()];
		int length = 0;
		for (int i = 0; i < katakana.length(); i++) {
			char c = katakana.charAt(i);
			if (!isSeparator(c)) {
				key[length++] = large(c);
			}
		}
		return new String(key, 0, length);
	}

	/** Whether the key would not be empty, without making it: each of a register's readings is checked. */
	static boolean hasReading(String katakana) {
		for (int i = 0; i < katakana.length(); i++) {
			if (!isSeparator(katakana.charAt(i))) {
				return true;
			}
		}
		return false;
	}

	/** Already full-width katakana, as registers write readings: then there is nothing to convert. */
	private static boolean isKatakana(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (!isKeptAsIs(text.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	/** Full-width katakana and the separators, which {@link #toKatakana} keeps as they are. */
	private static boolean isKeptAsIs(char c) {
		return c >= '\u30A1' && c <= '\u30F6' || isSeparator(c);
	}

	/** The large kana for a small one; any other character as it is. A switch, as it runs for every kana of a register. */
	private static char large(char c) {
		return switch (c) {
			case 'ァ' -> 'ア';
			case 'ィ' -> 'イ';
			case 'ゥ' -> 'ウ';
			case 'ェ' -> 'エ';
			case 'ォ' -> 'オ';
			case 'ッ' -> 'ツ';
			case 'ャ' -> 'ヤ';
			case 'ュ' -> 'ユ';
			case 'ョ' -> 'ヨ';
			case 'ヮ' -> 'ワ';
			case 'ヵ' -> 'カ';
			case 'ヶ' -> 'ケ';
			default -> c;
		};
	}

	/**
	 * Marks allowed in a reading but ignored when matching: spacing between family and given name
	 * varies by clerk, and older systems dropped the long-vowel mark from foreign names.
	 */
	private static boolean isSeparator(char c) {
		return c == 'ー' || c == '・' || c == ' ' || c == '\u3000';
	}

	private static void voice(StringBuilder out, String bases, int offset) {
		int last = out.length() - 1;
		char base = last < 0 ? 0 : out.charAt(last);
		if (offset == 1 && base == 'ウ') {
			out.setCharAt(last, 'ヴ');
		} else if (base != 0 && bases.indexOf(base) >= 0) {
			out.setCharAt(last, (char) (base + offset));
		} else {
			throw notKana();
		}
	}

	private static InvalidValue notKana() {
		return new InvalidValue(NOT_KANA, "reading must be written in kana");
	}
}
