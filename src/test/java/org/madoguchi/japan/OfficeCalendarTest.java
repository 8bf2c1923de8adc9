package org.madoguchi.japan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class OfficeCalendarTest {

	private static final OfficeCalendar STANDARD = OfficeCalendar.standard();
	private static final LocalDate BLACKOUT = LocalDate.of(2026, 6, 15);
	private static final LocalDate BENEFIT_SUNDAY = LocalDate.of(2026, 3, 29);

	@Test
	void skipsTheYearEndClosure() {
		assertThat(STANDARD.addBusinessDays(LocalDate.of(2026, 12, 28), 3)).isEqualTo(LocalDate.of(2027, 1, 6));
		assertThat(STANDARD.businessDaysBetween(LocalDate.of(2026, 12, 28), LocalDate.of(2027, 1, 6))).isEqualTo(3);
	}

	@Test
	void aClosedDayMovesToTheNextOpenOneAndAnOpenDayStays() {
		assertThat(STANDARD.businessDayOnOrAfter(LocalDate.of(2026, 12, 29))).isEqualTo(LocalDate.of(2027, 1, 4));
		assertThat(STANDARD.businessDayOnOrAfter(LocalDate.of(2026, 5, 2))).as("Saturday of Golden Week").isEqualTo(LocalDate.of(2026, 5, 7));
		assertThat(STANDARD.businessDayOnOrAfter(LocalDate.of(2026, 5, 1))).isEqualTo(LocalDate.of(2026, 5, 1));
	}

	@Test
	void skipsGoldenWeek() {
		LocalDate thursday = LocalDate.of(2026, 4, 30);
		assertThat(STANDARD.addBusinessDays(thursday, 1)).isEqualTo(LocalDate.of(2026, 5, 1));
		assertThat(STANDARD.addBusinessDays(thursday, 2)).isEqualTo(LocalDate.of(2026, 5, 7));
	}

	@Test
	void skipsAMunicipalityClosedDay() {
		OfficeCalendar city = STANDARD.withClosedDays(Map.of(BLACKOUT, "庁舎停電"));
		assertThat(city.addBusinessDays(LocalDate.of(2026, 6, 12), 1)).isEqualTo(LocalDate.of(2026, 6, 16));
		assertThat(city.closedReason(BLACKOUT)).contains("庁舎停電");
		assertThat(STANDARD.isBusinessDay(BLACKOUT)).isTrue();
	}

	@Test
	void countsAnExtraOpenSunday() {
		OfficeCalendar city = STANDARD.withOpenDays(Set.of(BENEFIT_SUNDAY));
		assertThat(city.addBusinessDays(LocalDate.of(2026, 3, 27), 1)).isEqualTo(BENEFIT_SUNDAY);
		assertThat(STANDARD.addBusinessDays(LocalDate.of(2026, 3, 27), 1)).isEqualTo(LocalDate.of(2026, 3, 30));
	}

	@Test
	void letsTheLatestDecisionAboutADayWin() {
		OfficeCalendar reopened = STANDARD.withClosedDays(Map.of(BLACKOUT, "庁舎停電")).withOpenDays(Set.of(BLACKOUT));
		assertThat(reopened.isBusinessDay(BLACKOUT)).isTrue();
		OfficeCalendar closedAgain = reopened.withClosedDays(Map.of(BLACKOUT, "庁舎停電"));
		assertThat(closedAgain.isBusinessDay(BLACKOUT)).isFalse();
	}

	@Test
	void explainsWhyTheOfficeIsClosed() {
		assertThat(STANDARD.closedReason(LocalDate.of(2027, 1, 1))).contains("元日");
		assertThat(STANDARD.closedReason(LocalDate.of(2026, 12, 29))).contains("年末年始");
		assertThat(STANDARD.closedReason(LocalDate.of(2027, 1, 3))).contains("年末年始");
		assertThat(STANDARD.closedReason(LocalDate.of(2026, 12, 26))).contains("土曜日");
		assertThat(STANDARD.closedReason(LocalDate.of(2026, 12, 27))).contains("日曜日");
		assertThat(STANDARD.closedReason(LocalDate.of(2026, 9, 22))).contains("国民の休日");
		assertThat(STANDARD.closedReason(LocalDate.of(2026, 12, 28))).isEmpty();
	}

	@Test
	void countsNothingForZeroDaysAndBackwardsForAnEarlierEnd() {
		assertThat(STANDARD.addBusinessDays(LocalDate.of(2026, 12, 28), 0)).isEqualTo(LocalDate.of(2026, 12, 28));
		assertThat(STANDARD.businessDaysBetween(LocalDate.of(2027, 1, 6), LocalDate.of(2026, 12, 28))).isEqualTo(-3);
		assertThatThrownBy(() -> STANDARD.addBusinessDays(LocalDate.of(2026, 12, 28), -1))
				.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void movesACalendarDeadlineOffAClosedDay() {
		assertThat(STANDARD.addCalendarDays(LocalDate.of(2026, 12, 20), 10)).isEqualTo(LocalDate.of(2027, 1, 4));
		assertThat(STANDARD.addCalendarDays(LocalDate.of(2026, 6, 1), 14)).isEqualTo(BLACKOUT);
	}
}
