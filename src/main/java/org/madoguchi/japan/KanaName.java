package org.madoguchi.japan;

import static org.madoguchi.japan.InvalidValue.NOT_KANA;

/**
 * A name's reading (フリガナ) in full-width katakana. Hiragana and half-width input are converted,
 * since residents and older systems supply both; everything else stays exactly as given.
 */
public record KanaName(String kana) {

	public KanaName {
		kana = Kana.toKatakana(InvalidValue.required(kana, "reading").strip());
		if (!Kana.hasReading(kana)) {
			throw new InvalidValue(NOT_KANA, "reading must contain kana");
		}
	}

	public static KanaName of(String kana) {
		return new KanaName(kana);
	}

	/**
	 * The key for finding a person whatever way the reading was keyed: small kana as large (キョウコ
	 * and キヨウコ are the same registration written two ways), no long-vowel marks, no spaces.
	 */
	public String matchKey() {
		return Kana.matchKey(kana);
	}

	/** The same key for a search term, which may be hiragana or half-width. */
	public static String matchKeyOf(String anyKanaText) {
		return Kana.matchKey(Kana.toKatakana(InvalidValue.required(anyKanaText, "search reading")));
	}
}
