package org.madoguchi.japan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.madoguchi.japan.CheckDigitTest.assertCode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ZenginTextTest {

	@ParameterizedTest
	@CsvSource({
			"キョウコ, ｷﾖｳｺ",
			"ハットリ, ﾊﾂﾄﾘ",
			"ｷｬｯﾁｬｰ, ｷﾔﾂﾁﾔ-",
			"ァィゥェォッャュョヮヵヶ, ｱｲｳｴｵﾂﾔﾕﾖﾜｶｹ",
			"ｧｨｩｪｫｬｭｮｯ, ｱｲｳｴｵﾔﾕﾖﾂ",
	})
	void writesSmallKanaAsLargeOnes(String input, String zengin) {
		assertThat(ZenginText.of(input).value()).isEqualTo(zengin);
	}

	@ParameterizedTest
	@CsvSource({
			"ジョージ, ｼﾞﾖ-ｼﾞ",
			"ｼﾞｮｰｼﾞ, ｼﾞﾖ-ｼﾞ",
			"スミス‐ジョーンズ, ｽﾐｽ-ｼﾞﾖ-ﾝｽﾞ",
			"ロ－ン, ﾛ-ﾝ",
	})
	void writesTheLongVowelMarkAsAHyphen(String input, String zengin) {
		assertThat(ZenginText.of(input).value()).isEqualTo(zengin);
	}

	@ParameterizedTest
	@CsvSource({
			"ガギグゲゴ, ｶﾞｷﾞｸﾞｹﾞｺﾞ",
			"ザジズゼゾダヂヅデド, ｻﾞｼﾞｽﾞｾﾞｿﾞﾀﾞﾁﾞﾂﾞﾃﾞﾄﾞ",
			"バビブベボ, ﾊﾞﾋﾞﾌﾞﾍﾞﾎﾞ",
			"パピプペポ, ﾊﾟﾋﾟﾌﾟﾍﾟﾎﾟ",
			"ヴィーナス, ｳﾞｲ-ﾅｽ",
			"カ\u3099ハ\u309A, ｶﾞﾊﾟ",
			"カ゛ハ゜, ｶﾞﾊﾟ",
			"ｶﾞｯｺｳ, ｶﾞﾂｺｳ",
	})
	void writesVoicedKanaAsTheKanaAndASeparateMark(String input, String zengin) {
		assertThat(ZenginText.of(input).value()).isEqualTo(zengin);
	}

	@ParameterizedTest
	@CsvSource({
			"やまだ　はなこ, ﾔﾏﾀﾞ ﾊﾅｺ",
			"ぎゅうにゅう, ｷﾞﾕｳﾆﾕｳ",
			"ゔぁいおりん, ｳﾞｱｲｵﾘﾝ",
			"ぱーてぃー, ﾊﾟ-ﾃｲ-",
			"をゐゑ, ｦｲｴ",
	})
	void readsHiragana(String input, String zengin) {
		assertThat(ZenginText.of(input).value()).isEqualTo(zengin);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"ＡＢＣ（カ）．１２３|ABC(ｶ).123",
			"ｓｍｉｔｈ　ｊｏｈｎ|SMITH JOHN",
			"Smith John|SMITH JOHN",
			"ｶ)ﾏﾄﾞｸﾞﾁ|ｶ)ﾏﾄﾞｸﾞﾁ",
			"ミツビシユ－エフジエイ|ﾐﾂﾋﾞｼﾕ-ｴﾌｼﾞｴｲ",
	})
	void foldsWidthAndCase(String input, String zengin) {
		assertThat(ZenginText.of(input).value()).isEqualTo(zengin);
	}

	@Test
	void keepsZenginTextAsItIs() {
		String zengin = "ﾔﾏﾀﾞ ﾀﾛｳ(ｶﾌﾞ)-ABC.123 ﾊﾟ";
		assertThat(ZenginText.of(zengin).value()).isEqualTo(zengin);
		assertThat(ZenginText.of(ZenginText.of("ジョージ").value())).isEqualTo(ZenginText.of("ジョージ"));
	}

	@Test
	void dropsSpacesAtTheEndsOnly() {
		assertThat(ZenginText.of("　ヤマダ  タロウ　").value()).isEqualTo("ﾔﾏﾀﾞ  ﾀﾛｳ");
	}

	@ParameterizedTest
	@ValueSource(strings = {
			"山田", "ヤマダ・タロウ", "ﾔﾏﾀﾞ･ﾀﾛｳ", "ヤマダ,タロウ", "ヤマダ，タロウ", "ヤマダ、タロウ", "ヤマダ/タロウ",
			"ヤマダ\tタロウ", "髙橋", "𠮷田", "ﾞｱ", "ｱﾞ", "ｱﾟ", "ｶﾟ", "ガ゛", "ｶﾞﾞ", "ｯﾞ", "ッ゛", "ｦﾞ", "ヽ", "ヷ", "É",
	})
	void refusesWhatHasNoZenginSpelling(String input) {
		assertCode(() -> ZenginText.of(input), "not_zengin");
		assertThat(ZenginText.isValid(input)).isFalse();
	}

	@Test
	void saysWhereTheTroubleIsWithoutRepeatingTheName() {
		assertThatThrownBy(() -> ZenginText.of("ヤマダ・タロウ"))
				.hasMessageStartingWith("character 4 cannot be written")
				.message().doesNotContain("ヤマダ");
		assertThatThrownBy(() -> ZenginText.of("𠮷田ｱ")).hasMessageStartingWith("character 1 ");
		assertThatThrownBy(() -> ZenginText.of("ｱ𠮷田")).hasMessageStartingWith("character 2 ");
	}

	@Test
	void asksForMissingText() {
		assertCode(() -> ZenginText.of(null), "required");
		assertCode(() -> ZenginText.of(" 　"), "required");
	}

	@Test
	void isOneByteACharacterInCp932() {
		ZenginText text = ZenginText.of("ジョージ・ワシントン".replace("・", " ") + "(ABC)-1.");
		byte[] bytes = text.bytes();
		assertThat(bytes).hasSize(text.length()).hasSize(text.value().length());
		assertThat(new String(bytes, ZenginText.CP932)).isEqualTo(text.value());
		assertThat(ZenginText.of("ガ").bytes()).containsExactly((byte) 0xB6, (byte) 0xDE);
		assertThat(ZenginText.of("ﾊﾟｰ").bytes()).containsExactly((byte) 0xCA, (byte) 0xDF, (byte) 0x2D);
	}
}
