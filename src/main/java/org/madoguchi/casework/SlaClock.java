package org.madoguchi.casework;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.madoguchi.japan.OfficeCalendar;

/**
 * Deadlines of a case on its municipality's calendar. A legal limit in calendar days is exact (the care
 * certification law counts 30 days, holidays included, and the decision must come before it); a service
 * level in business days skips weekends, holidays and the New Year closure. Time spent waiting for the
 * resident does not count: leaving a pausing state pushes the deadline out by the time paused.
 */
public record SlaClock(int limit, Unit unit, double warnAt) {

	public enum Unit {
		CALENDAR_DAYS, BUSINESS_DAYS
	}

	public SlaClock {
		if (limit <= 0) {
			throw new IllegalArgumentException("an SLA limit is positive");
		}
		if (warnAt <= 0 || warnAt >= 1) {
			throw new IllegalArgumentException("the warning point is a fraction between 0 and 1");
		}
	}

	public LocalDate dueDate(LocalDate start, OfficeCalendar calendar) {
		return unit == Unit.CALENDAR_DAYS ? start.plusDays(limit) : calendar.addBusinessDays(start, limit);
	}

	/** The deadline after a pause from {@code pausedSince} until {@code resumedOn}. */
	public LocalDate afterPause(LocalDate due, LocalDate pausedSince, LocalDate resumedOn, OfficeCalendar calendar) {
		if (!resumedOn.isAfter(pausedSince)) {
			return due;
		}
		if (unit == Unit.CALENDAR_DAYS) {
			return due.plusDays(ChronoUnit.DAYS.between(pausedSince, resumedOn));
		}
		return calendar.addBusinessDays(due, Math.max(0, calendar.businessDaysBetween(pausedSince, resumedOn)));
	}

	/** The day on which the supervisor is warned: when {@link #warnAt} of the time is used up. */
	public LocalDate warningDate(LocalDate start, LocalDate due, OfficeCalendar calendar) {
		if (unit == Unit.CALENDAR_DAYS) {
			long total = ChronoUnit.DAYS.between(start, due);
			return start.plusDays((long) Math.floor(total * warnAt));
		}
		int total = calendar.businessDaysBetween(start, due);
		return calendar.addBusinessDays(start, (int) Math.floor(total * warnAt));
	}

	/** The last day on which a deferral notice still arrives in time, for a limit counted from {@code start}. */
	public LocalDate deferralDeadline(LocalDate start, int beforeDay) {
		return start.plusDays(beforeDay);
	}
}
