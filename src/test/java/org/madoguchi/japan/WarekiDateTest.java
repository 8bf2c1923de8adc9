package org.madoguchi.japan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.madoguchi.japan.CheckDigitTest.assertCode;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WarekiDateTest {

	@ParameterizedTest
	@CsvSource({
			"2019-05-01, 令和元年5月1日",
			"2019-04-30, 平成31年4月30日",
			"2020-12-03, 令和2年12月3日",
			"1989-01-07, 昭和64年1月7日",
			"1989-01-08, 平成元年1月8日",
			"1926-12-25, 昭和元年12月25日",
			"1912-07-30, 大正元年7月30日",
			"1868-10-23, 明治元年10月23日",
	})
	void writesTheFirstYearAsGannen(LocalDate date, String wareki) {
		assertThat(WarekiDate.format(date)).isEqualTo(wareki);
	}

	@ParameterizedTest
	@ValueSource(strings = {"令和元年5月1日", "令和1年5月1日", "R1.5.1", "R01.05.01", "r1/5/1", "Ｒ１．５．１",
			"令和 元年 5月 1日", "　令和元年５月１日　", "R1-5-1", "R1 5 1", "平成31年5月1日", "H31.5.1"})
	void readsTheWaysPeopleWriteADate(String text) {
		assertThat(WarekiDate.parse(text)).isEqualTo(LocalDate.of(2019, 5, 1));
	}

	@Test
	void readsFullWidthDigits() {
		assertThat(WarekiDate.parse("令和２年１２月３日")).isEqualTo(LocalDate.of(2020, 12, 3));
	}

	@Test
	void acceptsAnOldEraUntilTheEndOfTheYearItEnded() {
		assertThat(WarekiDate.parse("平成31年12月31日")).isEqualTo(LocalDate.of(2019, 12, 31));
		assertThat(WarekiDate.parse("昭和64年3月1日")).isEqualTo(LocalDate.of(1989, 3, 1));
		assertCode(() -> WarekiDate.parse("平成32年1月1日"), "out_of_range");
	}

	@Test
	void neverWritesAnOverflowedEra() {
		assertThat(WarekiDate.format(WarekiDate.parse("平成31年5月1日"))).isEqualTo("令和元年5月1日");
	}

	@Test
	void rejectsADateBeforeTheEraBegan() {
		assertCode(() -> WarekiDate.parse("令和元年4月30日"), "out_of_range");
		assertCode(() -> WarekiDate.parse("R0.5.1"), "out_of_range");
		assertCode(() -> WarekiDate.format(LocalDate.of(1868, 10, 22)), "out_of_range");
	}

	@ParameterizedTest
	@ValueSource(strings = {"令和2年2月30日", "R2.13.1", "平成元年2月29日"})
	void rejectsADateThatDoesNotExist(String text) {
		assertCode(() -> WarekiDate.parse(text), "invalid_date");
	}

	@ParameterizedTest
	@ValueSource(strings = {"令和", "2019年5月1日", "X1.5.1", "令和元年5月", "R1.5.1.1", "令和元年5月1日生"})
	void rejectsWhatItCannotRead(String text) {
		assertCode(() -> WarekiDate.parse(text), "format");
	}

	@Test
	void readsIsoDatesToo() {
		assertThat(WarekiDate.parseIsoOrWareki("2019-05-01")).isEqualTo(LocalDate.of(2019, 5, 1));
		assertThat(WarekiDate.parseIsoOrWareki("R1.5.1")).isEqualTo(LocalDate.of(2019, 5, 1));
		assertCode(() -> WarekiDate.parseIsoOrWareki("2019-02-29"), "invalid_date");
		assertCode(() -> WarekiDate.parseIsoOrWareki(" "), "required");
	}

	@Test
	void findsTheEraOfADate() {
		assertThat(Era.of(LocalDate.of(2019, 4, 30))).isEqualTo(Era.HEISEI);
		assertThat(Era.of(LocalDate.of(2019, 5, 1))).isEqualTo(Era.REIWA);
		assertThat(Era.of(LocalDate.of(1926, 12, 24))).isEqualTo(Era.TAISHO);
		assertThat(Era.SHOWA.end()).contains(LocalDate.of(1989, 1, 7));
		assertThat(Era.REIWA.end()).isEmpty();
		assertThat(Era.HEISEI.initial()).isEqualTo('H');
		assertThat(Era.MEIJI.kanji()).isEqualTo("明治");
	}
}
