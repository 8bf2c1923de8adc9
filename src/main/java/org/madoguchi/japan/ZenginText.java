package org.madoguchi.japan;

import static org.madoguchi.japan.InvalidValue.NOT_ZENGIN;

import java.nio.charset.Charset;

/**
 * Text as a Zengin (全銀) transfer file carries it: half-width katakana, A–Z, 0–9, space and ( ) - . only,
 * each one byte in CP932. Any way a resident or an older system writes a reading is converted here, once:
 * hiragana and full-width katakana become half-width, small kana become large (ｬ→ﾔ, ｯ→ﾂ) because banks
 * register holders' names without them, the long-vowel mark becomes '-', voiced kana are written as the
 * kana and a separate ﾞ or ﾟ (ガ→ｶﾞ), lower case becomes upper case and full-width becomes half-width.
 * What has no Zengin spelling (kanji, ・, commas) is refused, never dropped: a silently shortened name would
 * reach the bank as a different holder.
 *
 * <p>Converting Zengin text again gives the same text, so a stored value can be passed back in.
 */
public record ZenginText(String value) {

	/** Windows-31J, the CP932 that banks' file interfaces read (the JDK's "Shift_JIS" lacks its extensions). */
	public static final Charset CP932 = Charset.forName("windows-31j");

	private static final char VOICED_MARK = 'ﾞ';
	private static final char SEMI_VOICED_MARK = 'ﾟ';

	// Full-width katakana written without a mark, in the order of their half-width forms below.
	private static final String LARGE_FULL = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン";
	private static final String LARGE_HALF = "ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝ";
	// ヰ and ヱ survive in some old registrations; banks hold them as ｲ and ｴ.
	private static final String SMALL_FULL = "ァィゥェォッャュョヮヵヶヰヱ";
	private static final String SMALL_AS_LARGE = "アイウエオツヤユヨワカケイエ";
	private static final String SMALL_HALF = "ｧｨｩｪｫｬｭｮｯ";
	private static final String SMALL_HALF_AS_LARGE = "ｱｲｳｴｵﾔﾕﾖﾂ";
	private static final String VOICED_FULL = "ガギグゲゴザジズゼゾダヂヅデドバビブベボ";
	private static final String SEMI_VOICED_FULL = "パピプペポ";
	private static final String TAKES_VOICED_MARK = "ｳｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾊﾋﾌﾍﾎ";
	private static final String TAKES_SEMI_VOICED_MARK = "ﾊﾋﾌﾍﾎ";
	private static final String SYMBOLS = " ()-.";
	// The IME's ー, its half-width form, and the dashes that copied text brings in for it.
	private static final String LONG_VOWEL_MARKS = "ー\uFF70\u2010\u2011\u2012\u2013\u2014\u2015\u2212";

	public ZenginText {
		value = convert(InvalidValue.required(value, "Zengin text").strip()).strip();
	}

	public static ZenginText of(String text) {
		return new ZenginText(text);
	}

	/** Whether the text can be written in a transfer file, for checks that collect problems instead of throwing. */
	public static boolean isValid(String text) {
		try {
			new ZenginText(text);
			return true;
		} catch (InvalidValue e) {
			return false;
		}
	}

	/** Bytes in CP932; every Zengin character is one byte, so this is also the number of characters. */
	public int length() {
		return value.length();
	}

	public byte[] bytes() {
		return value.getBytes(CP932);
	}

	/**
	 * At most {@code maxBytes} bytes, for a fixed-width field. A voiced kana is two bytes (ｶﾞ); cutting
	 * between them would leave ｶ, a different sound and so a different name, or a lone ﾞ that a bank's
	 * check refuses. So when the cut would fall between a kana and its mark, both are left out.
	 */
	public ZenginText cut(int maxBytes) {
		if (maxBytes < 2) {
			// A narrower field could not hold a voiced kana at all; no Zengin field is that narrow.
			throw new IllegalArgumentException("a Zengin text field is at least 2 bytes wide");
		}
		if (value.length() <= maxBytes) {
			return this;
		}
		int end = isMark(value.charAt(maxBytes)) ? maxBytes - 1 : maxBytes;
		return new ZenginText(value.substring(0, end));
	}

	@Override
	public String toString() {
		return value;
	}

	private static boolean isMark(char c) {
		return c == VOICED_MARK || c == SEMI_VOICED_MARK;
	}

	private static String convert(String text) {
		var out = new StringBuilder(text.length() + 8);
		// The half-width kana just written, if the next character may add a mark to it: only a large kana
		// written from a large kana (ツ+゛ is ヅ, but ッ+゛ is no kana) and only once (ｶﾞﾞ is no kana).
		char markable = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = widthFolded(text.charAt(i));
			char base = 0;
			int at;
			if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || SYMBOLS.indexOf(c) >= 0) {
				out.append(c);
			} else if (c >= 'a' && c <= 'z') {
				out.append((char) (c - 'a' + 'A'));
			} else if (LONG_VOWEL_MARKS.indexOf(c) >= 0) {
				out.append('-');
			} else if ((at = LARGE_FULL.indexOf(c)) >= 0 || (at = LARGE_HALF.indexOf(c)) >= 0) {
				base = LARGE_HALF.charAt(at);
				out.append(base);
			} else if ((at = SMALL_FULL.indexOf(c)) >= 0) {
				out.append(LARGE_HALF.charAt(LARGE_FULL.indexOf(SMALL_AS_LARGE.charAt(at))));
			} else if ((at = SMALL_HALF.indexOf(c)) >= 0) {
				out.append(SMALL_HALF_AS_LARGE.charAt(at));
			} else if (VOICED_FULL.indexOf(c) >= 0) {
				// In Unicode each voiced kana directly follows its plain form, and the semi-voiced one follows that.
				out.append(LARGE_HALF.charAt(LARGE_FULL.indexOf((char) (c - 1)))).append(VOICED_MARK);
			} else if (SEMI_VOICED_FULL.indexOf(c) >= 0) {
				out.append(LARGE_HALF.charAt(LARGE_FULL.indexOf((char) (c - 2)))).append(SEMI_VOICED_MARK);
			} else if (c == 'ヴ') {
				out.append('ｳ').append(VOICED_MARK);
			} else if (c == VOICED_MARK && TAKES_VOICED_MARK.indexOf(markable) >= 0) {
				out.append(VOICED_MARK);
			} else if (c == SEMI_VOICED_MARK && TAKES_SEMI_VOICED_MARK.indexOf(markable) >= 0) {
				out.append(SEMI_VOICED_MARK);
			} else {
				throw new InvalidValue(NOT_ZENGIN, "character " + (text.codePointCount(0, i) + 1)
						+ " cannot be written in a Zengin transfer file (half-width kana, A-Z, 0-9, space and ( ) - . only)");
			}
			markable = base;
		}
		return out.toString();
	}

	/**
	 * One spelling per character before the table lookups: hiragana as katakana, full-width ASCII as ASCII,
	 * the ideographic space as a space, and the three ways of writing each voicing mark as the half-width one.
	 */
	private static char widthFolded(char c) {
		if (c >= '\u3041' && c <= '\u3096') {
			return (char) (c + 0x60);
		}
		if (c >= '\uFF01' && c <= '\uFF5E') {
			return (char) (c - 0xFEE0);
		}
		return switch (c) {
			case '\u3000' -> ' ';
			case '\u3099', '\u309B' -> VOICED_MARK;
			case '\u309A', '\u309C' -> SEMI_VOICED_MARK;
			default -> c;
		};
	}
}
