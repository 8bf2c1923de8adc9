package org.madoguchi.japan;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The days a municipal office is open. 地方自治法 第4条の2 makes its closed days the weekends,
 * the national holidays and a year-end closure set by ordinance (12/29 to 1/3 nearly everywhere);
 * a municipality adds its own closures and sometimes opens on a closed day, as in a benefit rush.
 */
public final class OfficeCalendar {

	private static final MonthDay YEAR_END_FROM = MonthDay.of(12, 29);
	private static final MonthDay NEW_YEAR_UNTIL = MonthDay.of(1, 3);

	private final Map<LocalDate, String> closedDays;
	private final Set<LocalDate> openDays;

	private OfficeCalendar(Map<LocalDate, String> closedDays, Set<LocalDate> openDays) {
		this.closedDays = Map.copyOf(closedDays);
		this.openDays = Set.copyOf(openDays);
	}

	public static OfficeCalendar standard() {
		return new OfficeCalendar(Map.of(), Set.of());
	}

	/** Adds the municipality's own closed days; a date given before as an open day is closed again. */
	public OfficeCalendar withClosedDays(Map<LocalDate, String> days) {
		Map<LocalDate, String> closed = new HashMap<>(closedDays);
		closed.putAll(days);
		Set<LocalDate> open = new HashSet<>(openDays);
		open.removeAll(days.keySet());
		return new OfficeCalendar(closed, open);
	}

	/** Adds days the office opens although it would be closed; the latest decision wins. */
	public OfficeCalendar withOpenDays(Set<LocalDate> days) {
		Set<LocalDate> open = new HashSet<>(openDays);
		open.addAll(days);
		Map<LocalDate, String> closed = new HashMap<>(closedDays);
		closed.keySet().removeAll(days);
		return new OfficeCalendar(closed, open);
	}

	public boolean isBusinessDay(LocalDate date) {
		return closedReason(date).isEmpty();
	}

	/** Why the office is closed, most specific first: the municipality's own reason, then the law's. */
	public Optional<String> closedReason(LocalDate date) {
		if (openDays.contains(date)) {
			return Optional.empty();
		}
		if (closedDays.containsKey(date)) {
			return Optional.of(closedDays.get(date));
		}
		Optional<String> holiday = JapaneseHolidays.nameOf(date);
		if (holiday.isPresent()) {
			return holiday;
		}
		MonthDay day = MonthDay.from(date);
		if (!day.isBefore(YEAR_END_FROM) || !day.isAfter(NEW_YEAR_UNTIL)) {
			return Optional.of("年末年始");
		}
		return switch (date.getDayOfWeek()) {
			case SATURDAY -> Optional.of("土曜日");
			case SUNDAY -> Optional.of("日曜日");
			default -> Optional.empty();
		};
	}

	/** {@code day} if the office is open then, else the next day it is: a transfer date, a due date that fell on a holiday. */
	public LocalDate businessDayOnOrAfter(LocalDate day) {
		LocalDate date = day;
		while (!isBusinessDay(date)) {
			date = date.plusDays(1);
		}
		return date;
	}

	/** The day on which the given number of business days after {@code from} have passed; 0 gives {@code from}. */
	public LocalDate addBusinessDays(LocalDate from, int days) {
		requireNotNegative(days);
		LocalDate date = from;
		int left = days;
		while (left > 0) {
			date = date.plusDays(1);
			if (isBusinessDay(date)) {
				left--;
			}
		}
		return date;
	}

	/** Business days after {@code a} up to and including {@code b}; negative when {@code b} is earlier. */
	public int businessDaysBetween(LocalDate a, LocalDate b) {
		if (b.isBefore(a)) {
			return -businessDaysBetween(b, a);
		}
		int count = 0;
		for (LocalDate date = a.plusDays(1); !date.isAfter(b); date = date.plusDays(1)) {
			if (isBusinessDay(date)) {
				count++;
			}
		}
		return count;
	}

	/**
	 * A deadline counted in calendar days. When it falls on a closed day it moves to the next
	 * business day, as 地方自治法 第4条の2 第4項 does for deadlines of applications to the office.
	 */
	public LocalDate addCalendarDays(LocalDate from, int days) {
		requireNotNegative(days);
		LocalDate date = from.plusDays(days);
		while (!isBusinessDay(date)) {
			date = date.plusDays(1);
		}
		return date;
	}

	private static void requireNotNegative(int days) {
		if (days < 0) {
			throw new IllegalArgumentException("days must be zero or more");
		}
	}
}
