package org.madoguchi.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.madoguchi.casework.SlaClock.Unit;
import org.madoguchi.japan.OfficeCalendar;

class SlaClockTest {

	private final OfficeCalendar calendar = OfficeCalendar.standard();

	@Test
	void theCareCertificationLimitCountsThirtyCalendarDaysHolidaysIncluded() {
		var clock = new SlaClock(30, Unit.CALENDAR_DAYS, 0.8);
		assertThat(clock.dueDate(LocalDate.of(2026, 12, 15), calendar)).isEqualTo(LocalDate.of(2027, 1, 14));
		assertThat(clock.warningDate(LocalDate.of(2026, 12, 15), LocalDate.of(2027, 1, 14), calendar)).isEqualTo(LocalDate.of(2027, 1, 8));
	}

	@Test
	void aMailRequestCountsBusinessDaysAcrossTheNewYearClosure() {
		var clock = new SlaClock(5, Unit.BUSINESS_DAYS, 0.8);
		// 12/28 (Mon) received: 12/29–1/3 closed, 1/4 is the first business day, then 1/5, 1/6, 1/7, 1/8
		assertThat(clock.dueDate(LocalDate.of(2026, 12, 28), calendar)).isEqualTo(LocalDate.of(2027, 1, 8));
	}

	@Test
	void timeWaitingForTheResidentIsAddedToTheDeadline() {
		var calendarDays = new SlaClock(30, Unit.CALENDAR_DAYS, 0.8);
		assertThat(calendarDays.afterPause(LocalDate.of(2027, 2, 1), LocalDate.of(2027, 1, 10), LocalDate.of(2027, 1, 17), calendar))
			.isEqualTo(LocalDate.of(2027, 2, 8));
		var businessDays = new SlaClock(5, Unit.BUSINESS_DAYS, 0.8);
		// paused Friday 2027-01-15, resumed Tuesday 2027-01-19: two business days (Mon 18, Tue 19) are added
		assertThat(businessDays.afterPause(LocalDate.of(2027, 1, 20), LocalDate.of(2027, 1, 15), LocalDate.of(2027, 1, 19), calendar))
			.isEqualTo(LocalDate.of(2027, 1, 22));
	}

	@Test
	void aCitysOwnClosedDayPushesABusinessDayDeadline() {
		var clock = new SlaClock(1, Unit.BUSINESS_DAYS, 0.5);
		var closedMonday = calendar.withClosedDays(Map.of(LocalDate.of(2027, 2, 1), "システム更新"));
		assertThat(clock.dueDate(LocalDate.of(2027, 1, 29), closedMonday)).isEqualTo(LocalDate.of(2027, 2, 2));
	}
}
