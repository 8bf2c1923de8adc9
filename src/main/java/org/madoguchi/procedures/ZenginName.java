package org.madoguchi.procedures;

import java.util.Optional;

/**
 * A name as a Zengin transfer file can carry it: half-width katakana, A–Z, 0–9, space and ( ) - . only.
 * Small kana become large (ｬ→ﾔ, ｯ→ﾂ), the long-vowel mark becomes '-', full-width and hiragana become
 * half-width katakana, and voiced kana are written with a separate ﾞ or ﾟ. Lower case, commas and ・ cannot
 * be written. (This belongs with the Zengin file writer in {@code japan} once that exists.)
 */
final class ZenginName {

	/** The 30-character payee name field of a 総合振込 data record. */
	static final int MAX_LENGTH = 30;
	private static final String FULL = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン";
	private static final String HALF = "ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝ";
	private static final String SMALL = "ァィゥェォッャュョヮヵヶヰヱ";
	private static final String LARGE = "アイウエオツヤユヨワカケイエ";
	private static final String HALF_SMALL = "ｧｨｩｪｫｬｭｮｯ";
	private static final String HALF_LARGE = "ｱｲｳｴｵﾔﾕﾖﾂ";
	private static final String VOICED = "ガギグゲゴザジズゼゾダヂヅデドバビブベボ";
	private static final String SEMI_VOICED = "パピプペポ";
	private static final String HALF_VOICEABLE = "ｳｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾊﾋﾌﾍﾎ";
	private static final String HALF_SEMI_VOICEABLE = "ﾊﾋﾌﾍﾎ";
	private static final String SYMBOLS = " ()-.";
	private static final String LONG_VOWELS = "ー\uFF70\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFF0D";

	private ZenginName() {
	}

	/** The Zengin spelling of a name, or empty when a character cannot be written in Zengin characters. */
	static Optional<String> of(String text) {
		var out = new StringBuilder(text.length() + 4);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= '\u3041' && c <= '\u3096') {
				c = (char) (c + 0x60); // hiragana to katakana, then as katakana below
			}
			if (!append(out, c)) {
				return Optional.empty();
			}
		}
		String name = out.toString().strip();
		return name.isEmpty() ? Optional.empty() : Optional.of(name);
	}

	private static boolean append(StringBuilder out, char c) {
		int index;
		if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || SYMBOLS.indexOf(c) >= 0) {
			out.append(c);
		} else if ((c >= '\uFF21' && c <= '\uFF3A') || (c >= '\uFF10' && c <= '\uFF19') || "（）．".indexOf(c) >= 0) {
			out.append((char) (c - 0xFEE0)); // full-width A–Z, digits, brackets and full stop
		} else if (c == '\u3000') {
			out.append(' ');
		} else if (LONG_VOWELS.indexOf(c) >= 0) {
			out.append('-');
		} else if ((index = SMALL.indexOf(c)) >= 0) {
			out.append(HALF.charAt(FULL.indexOf(LARGE.charAt(index))));
		} else if ((index = FULL.indexOf(c)) >= 0) {
			out.append(HALF.charAt(index));
		} else if ((index = VOICED.indexOf(c)) >= 0) {
			out.append(HALF.charAt(FULL.indexOf((char) (c - 1)))).append('ﾞ');
		} else if ((index = SEMI_VOICED.indexOf(c)) >= 0) {
			out.append(HALF.charAt(FULL.indexOf((char) (c - 2)))).append('ﾟ');
		} else if (c == 'ヴ') {
			out.append("ｳﾞ");
		} else if ((index = HALF_SMALL.indexOf(c)) >= 0) {
			out.append(HALF_LARGE.charAt(index));
		} else if (HALF.indexOf(c) >= 0) {
			out.append(c);
		} else if (c == 'ﾞ' || c == '\u3099' || c == '゛') {
			return mark(out, 'ﾞ', HALF_VOICEABLE);
		} else if (c == 'ﾟ' || c == '\u309A' || c == '゜') {
			return mark(out, 'ﾟ', HALF_SEMI_VOICEABLE);
		} else {
			return false;
		}
		return true;
	}

	/** A separate voicing mark is only meaningful right after a kana that takes it. */
	private static boolean mark(StringBuilder out, char mark, String bases) {
		if (out.isEmpty() || bases.indexOf(out.charAt(out.length() - 1)) < 0) {
			return false;
		}
		out.append(mark);
		return true;
	}
}
