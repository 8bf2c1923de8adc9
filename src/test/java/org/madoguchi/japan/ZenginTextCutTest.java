package org.madoguchi.japan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ZenginTextCutTest {

	private static final String MARKS = "ﾞﾟ";

	@Test
	void leavesTextThatFitsAlone() {
		ZenginText name = ZenginText.of("ﾔﾏﾀﾞ ﾀﾛｳ");
		assertThat(name.cut(8)).isSameAs(name);
		assertThat(name.cut(30)).isSameAs(name);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"ﾔﾏﾀﾞ|3|ﾔﾏ",
			"ﾔﾏﾀﾞ|4|ﾔﾏﾀﾞ",
			"ｶﾞｶﾞｶﾞ|5|ｶﾞｶﾞ",
			"ｶﾞｶﾞｶﾞ|4|ｶﾞｶﾞ",
			"ﾎﾟﾝﾎﾟﾝ|4|ﾎﾟﾝ",
			"ｶﾞｯｺｳ|2|ｶﾞ",
			"ｶﾞｯｺｳ|3|ｶﾞﾂ",
			"ABC ﾃﾞﾝｷ|5|ABC",
			"ABC ﾃﾞﾝｷ|4|ABC",
	})
	void neverCutsBetweenAKanaAndItsMark(String text, int bytes, String cut) {
		assertThat(ZenginText.of(text).cut(bytes).value()).isEqualTo(cut);
	}

	@Test
	void neverLeavesAMarkAloneOrAKanaWithoutItsMarkAtAnyWidth() {
		List<String> names = List.of("ジョージ・バーナード・ショー".replace("・", " "), "ガギグゲゴ パピプペポ",
				"ヴィヴァルディ アントーニオ", "キャッチャー ボブ", "ABC(ｶﾌﾞ)-ﾃﾞﾝｷ.ﾊﾟﾊﾟ", "ﾀﾞﾀﾞﾀﾞﾀﾞﾀﾞﾀﾞﾀﾞﾀﾞﾀﾞﾀﾞﾀﾞﾀﾞﾀﾞﾀﾞﾀﾞﾀﾞ");
		for (String name : names) {
			String full = ZenginText.of(name).value();
			for (int width = 2; width <= full.length() + 1; width++) {
				String cut = ZenginText.of(name).cut(width).value();
				assertThat(cut.length()).as("%s cut to %d", full, width).isLessThanOrEqualTo(width);
				assertThat(full).as("%s cut to %d", full, width).startsWith(cut);
				assertThat(cut.getBytes(ZenginText.CP932)).hasSize(cut.length());
				// What was dropped starts right after the cut (spaces aside), never with a mark.
				String rest = full.substring(cut.length()).stripLeading();
				assertThat(rest.isEmpty() || MARKS.indexOf(rest.charAt(0)) < 0).as("%s cut to %d", full, width).isTrue();
				assertThat(cut).as("%s cut to %d", full, width).doesNotStartWith("ﾞ").doesNotStartWith("ﾟ");
				// At most one byte is given up to keep a pair together, plus any spaces the cut leaves at the end.
				assertThat(cut.length()).isGreaterThanOrEqualTo(full.substring(0, Math.min(width, full.length()) - 1).strip().length());
			}
		}
	}

	@Test
	void refusesAFieldTooNarrowForAVoicedKana() {
		assertThatThrownBy(() -> ZenginText.of("ｶﾞ").cut(1)).isInstanceOf(IllegalArgumentException.class);
	}
}
