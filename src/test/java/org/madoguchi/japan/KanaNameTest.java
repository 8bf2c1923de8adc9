package org.madoguchi.japan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.madoguchi.japan.CheckDigitTest.assertCode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class KanaNameTest {

	@Test
	void keepsKatakanaExactlyAsGiven() {
		assertThat(KanaName.of("ヤマダ　タロウ").kana()).isEqualTo("ヤマダ　タロウ");
		assertThat(KanaName.of("ヴァレンティーナ・ヶ ヵ").kana()).isEqualTo("ヴァレンティーナ・ヶ ヵ");
	}

	@ParameterizedTest
	@CsvSource({
			"やまだ　たろう, ヤマダ　タロウ",
			"ゔぁ, ヴァ",
			"ｻﾄｳ ﾊﾅｺ, サトウ ハナコ",
			"ｶﾞｯｺｳ, ガッコウ",
			"ﾎﾟﾝﾁｮ, ポンチョ",
			"ｳﾞｨｰﾅｽ, ヴィーナス",
			"ｦﾝ･ﾂﾞ, ヲン・ヅ",
			"ハ\u309Aン, パン",
	})
	void convertsHiraganaAndHalfWidthToKatakana(String input, String katakana) {
		assertThat(KanaName.of(input).kana()).isEqualTo(katakana);
	}

	@ParameterizedTest
	@ValueSource(strings = {"山田", "Yamada", "ヤマダ1", "ﾞｶ", "ｯﾞ", "ガﾞ", "ｱﾟ", "ヽ", "・", "ヤマダ\tタロウ"})
	void rejectsAnythingThatIsNotKana(String input) {
		assertCode(() -> KanaName.of(input), "not_kana");
	}

	@Test
	void asksForAMissingReading() {
		assertCode(() -> KanaName.of("　"), "required");
	}

	@Test
	void matchesSmallKanaWithLargeOnes() {
		assertThat(KanaName.of("キョウコ").matchKey()).isEqualTo(KanaName.of("キヨウコ").matchKey());
		assertThat(KanaName.of("ァィゥェォッャュョヮヵヶ").matchKey()).isEqualTo("アイウエオツヤユヨワカケ");
	}

	@Test
	void matchesAcrossWidthsAndSpaces() {
		assertThat(KanaName.of("サトウ　ハナコ").matchKey())
				.isEqualTo(KanaName.of("ｻﾄｳ ﾊﾅｺ").matchKey())
				.isEqualTo(KanaName.matchKeyOf("さとうはなこ"))
				.isEqualTo("サトウハナコ");
	}

	@Test
	void dropsTheLongVowelMarkAndMiddleDot() {
		assertThat(KanaName.of("ジョージ・スミス").matchKey()).isEqualTo("ジヨジスミス");
	}

	@Test
	void searchesWithoutRequiringAFullName() {
		assertThat(KanaName.matchKeyOf("ｷｮｳ")).isEqualTo("キヨウ");
		assertCode(() -> KanaName.matchKeyOf("京子"), "not_kana");
	}
}
