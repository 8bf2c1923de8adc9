package org.madoguchi.japan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JapaneseHolidaysTest {

	@Test
	void countsOnlyTheHolidaysAfterTheLawTookEffectIn1948() {
		assertThat(JapaneseHolidays.of(1948)).containsExactly(
				entry(1948, 9, 23, "秋分の日"),
				entry(1948, 11, 3, "文化の日"),
				entry(1948, 11, 23, "勤労感謝の日"));
	}

	@Test
	void knowsNoNationalHolidaysBeforeTheLaw() {
		assertThat(JapaneseHolidays.of(1947)).isEmpty();
		assertThat(JapaneseHolidays.isHoliday(LocalDate.of(1948, 5, 5))).isFalse();
	}

	@ParameterizedTest
	@CsvSource({
			"1949-01-15, 成人の日",
			"1959-04-10, 皇太子明仁親王の結婚の儀",
			"1960-03-20, 春分の日",
			"1966-09-15, 敬老の日",
			"1966-10-10, 体育の日",
			"1967-02-11, 建国記念の日",
			"1973-04-30, 振替休日",
			"1979-09-24, 秋分の日",
			"1988-04-29, 天皇誕生日",
			"1988-05-04, 国民の休日",
			"1989-02-24, 昭和天皇の大喪の礼",
			"1989-04-29, みどりの日",
			"1989-12-23, 天皇誕生日",
			"1990-11-12, 即位礼正殿の儀",
			"1991-05-04, 国民の休日",
			"1998-05-04, 振替休日",
			"1993-06-09, 皇太子徳仁親王の結婚の儀",
			"1996-07-20, 海の日",
			"1999-01-15, 成人の日",
			"2000-01-10, 成人の日",
			"2000-10-09, 体育の日",
			"2003-07-21, 海の日",
			"2003-09-15, 敬老の日",
			"2007-04-29, 昭和の日",
			"2008-05-06, 振替休日",
			"2009-09-22, 国民の休日",
			"2015-09-22, 国民の休日",
			"2016-08-11, 山の日",
			"2018-12-24, 振替休日",
	})
	void namesHolidaysAsTheLawStoodInTheirYear(LocalDate date, String name) {
		assertThat(JapaneseHolidays.nameOf(date)).contains(name);
	}

	@ParameterizedTest
	@CsvSource({
			"1948-05-05", // before the law took effect
			"1973-02-12", // Monday after a Sunday holiday, before substitutes began on 1973-04-12
			"1986-05-04", // a sandwiched Sunday under the pre-2007 rule
			"2019-12-23", // no emperor's birthday in 2019
			"2020-07-20", "2020-08-11", "2020-10-12",
			"2021-07-19", "2021-08-11", "2021-10-11",
	})
	void leavesOrdinaryDaysAlone(LocalDate date) {
		assertThat(JapaneseHolidays.isHoliday(date)).isFalse();
	}

	@Test
	void movesTheSubstituteOverConsecutiveHolidaysSince2007() {
		assertThat(JapaneseHolidays.nameOf(LocalDate.of(2009, 5, 6))).contains("振替休日");
		assertThat(JapaneseHolidays.nameOf(LocalDate.of(2009, 5, 4))).contains("みどりの日");
	}

	@Test
	void offersAnUnmodifiableView() {
		assertThatThrownBy(() -> JapaneseHolidays.of(2026).put(LocalDate.of(2026, 6, 1), "x"))
				.isInstanceOf(UnsupportedOperationException.class);
	}

	@Test
	void refusesYearsBeyondTheEquinoxApproximation() {
		assertThat(JapaneseHolidays.of(2150)).isNotEmpty();
		assertThatThrownBy(() -> JapaneseHolidays.of(2151))
				.isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.code()).isEqualTo("out_of_range"));
	}

	private static Map.Entry<LocalDate, String> entry(int year, int month, int day, String name) {
		return Map.entry(LocalDate.of(year, month, day), name);
	}
}
