package org.madoguchi.procedures;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ZenginNameTest {

	@Test
	void smallKanaBecomeLargeAndTheLongVowelMarkAHyphen() {
		assertThat(ZenginName.of("キョウコ")).contains("ｷﾖｳｺ");
		assertThat(ZenginName.of("ｷｮｳｺ")).contains("ｷﾖｳｺ");
		assertThat(ZenginName.of("ハットリ")).contains("ﾊﾂﾄﾘ");
		assertThat(ZenginName.of("ジョージ")).contains("ｼﾞﾖ-ｼﾞ");
		assertThat(ZenginName.of("ｼﾞｮｰｼﾞ")).contains("ｼﾞﾖ-ｼﾞ");
	}

	@Test
	void fullWidthAndHiraganaBecomeHalfWidthWithSeparateVoicingMarks() {
		assertThat(ZenginName.of("やまだ　はなこ")).contains("ﾔﾏﾀﾞ ﾊﾅｺ");
		assertThat(ZenginName.of("パン ヴォーン")).contains("ﾊﾟﾝ ｳﾞｵ-ﾝ");
		assertThat(ZenginName.of("ヂヅ")).contains("ﾁﾞﾂﾞ");
		assertThat(ZenginName.of("カ\u3099")).as("a combining voicing mark").contains("ｶﾞ");
		assertThat(ZenginName.of("ＡＢＣ（カ）．１２３")).contains("ABC(ｶ).123");
		assertThat(ZenginName.of("ヲヰヱ")).contains("ｦｲｴ");
	}

	@Test
	void lowerCaseCommasMiddleDotsAndKanjiCannotBeWritten() {
		assertThat(ZenginName.of("yamada")).isEmpty();
		assertThat(ZenginName.of("ヤマダ,タロウ")).isEmpty();
		assertThat(ZenginName.of("ヤマダ・タロウ")).isEmpty();
		assertThat(ZenginName.of("ﾔﾏﾀﾞ･ﾀﾛｳ")).isEmpty();
		assertThat(ZenginName.of("山田")).isEmpty();
		assertThat(ZenginName.of("ﾞｱ")).as("a voicing mark with nothing to voice").isEmpty();
		assertThat(ZenginName.of("ｱﾟ")).isEmpty();
		assertThat(ZenginName.of("   ")).isEmpty();
	}
}
