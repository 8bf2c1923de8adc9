package org.madoguchi.japan;

import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SUNDAY;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * National holidays (国民の祝日に関する法律) computed by rule, so the system needs no yearly data
 * load. Substitute and citizens' holidays are included under the names 振替休日 and 国民の休日.
 *
 * <p>Years before the law return no holidays. Years after 2150 are refused, because the equinox
 * approximation is not published beyond that.
 */
public final class JapaneseHolidays {

	/** The first year with national holidays: the law came into force in it. */
	public static final int FIRST_YEAR = 1948;
	private static final LocalDate LAW_IN_FORCE = LocalDate.of(FIRST_YEAR, 7, 20);
	private static final LocalDate SUBSTITUTES_FROM = LocalDate.of(1973, 4, 12);
	private static final LocalDate CITIZENS_HOLIDAY_FROM = LocalDate.of(1985, 12, 27);
	private static final LocalDate NEXT_FREE_DAY_FROM = LocalDate.of(2007, 1, 1);
	/** The last year whose holidays can be computed; later years are refused. */
	public static final int LAST_COMPUTABLE_YEAR = 2150;

	/** Days made holidays by their own laws; the 2019 ones count as 祝日 for the other rules too. */
	private static final Map<LocalDate, String> ONE_OFF = Map.of(
			LocalDate.of(1959, 4, 10), "皇太子明仁親王の結婚の儀",
			LocalDate.of(1989, 2, 24), "昭和天皇の大喪の礼",
			LocalDate.of(1990, 11, 12), "即位礼正殿の儀",
			LocalDate.of(1993, 6, 9), "皇太子徳仁親王の結婚の儀",
			LocalDate.of(2019, 5, 1), "天皇の即位の日",
			LocalDate.of(2019, 10, 22), "即位礼正殿の儀");

	private static final Map<Integer, SortedMap<LocalDate, String>> BY_YEAR = new ConcurrentHashMap<>();

	private JapaneseHolidays() {
	}

	public static SortedMap<LocalDate, String> of(int year) {
		if (year > LAST_COMPUTABLE_YEAR) {
			throw new InvalidValue(InvalidValue.OUT_OF_RANGE, "holidays are computed up to " + LAST_COMPUTABLE_YEAR);
		}
		return BY_YEAR.computeIfAbsent(year, y -> Collections.unmodifiableSortedMap(compute(y)));
	}

	public static boolean isHoliday(LocalDate date) {
		return of(date.getYear()).containsKey(date);
	}

	public static Optional<String> nameOf(LocalDate date) {
		return Optional.ofNullable(of(date.getYear()).get(date));
	}

	private static TreeMap<LocalDate, String> compute(int year) {
		TreeMap<LocalDate, String> days = new TreeMap<>();
		if (year < LAW_IN_FORCE.getYear()) {
			return days;
		}
		TreeMap<LocalDate, String> shukujitsu = NationalHolidayRules.holidaysOf(year);
		ONE_OFF.forEach((date, name) -> {
			if (date.getYear() == year) {
				shukujitsu.put(date, name);
			}
		});
		shukujitsu.headMap(LAW_IN_FORCE).clear();
		days.putAll(shukujitsu);
		addSubstitutes(shukujitsu, days);
		addCitizensHolidays(shukujitsu, days);
		return days;
	}

	/** 振替休日: a 祝日 on a Sunday gives the next day off; since 2007, the next day that is no 祝日. */
	private static void addSubstitutes(Map<LocalDate, String> shukujitsu, Map<LocalDate, String> days) {
		for (LocalDate date : shukujitsu.keySet()) {
			if (date.getDayOfWeek() != SUNDAY || date.isBefore(SUBSTITUTES_FROM)) {
				continue;
			}
			LocalDate substitute = date.plusDays(1);
			while (!date.isBefore(NEXT_FREE_DAY_FROM) && shukujitsu.containsKey(substitute)) {
				substitute = substitute.plusDays(1);
			}
			days.putIfAbsent(substitute, "振替休日");
		}
	}

	/**
	 * 国民の休日: a day between two 祝日 that is not one itself. Until 2006 the law excluded Sundays
	 * and substitute holidays; since then it excludes only 祝日, and a substitute keeps its name.
	 */
	private static void addCitizensHolidays(Map<LocalDate, String> shukujitsu, Map<LocalDate, String> days) {
		for (LocalDate before : shukujitsu.keySet()) {
			LocalDate between = before.plusDays(1);
			boolean sandwiched = shukujitsu.containsKey(before.plusDays(2)) && !shukujitsu.containsKey(between);
			boolean oldSundayRule = between.isBefore(NEXT_FREE_DAY_FROM) && between.getDayOfWeek() == SUNDAY;
			if (sandwiched && !oldSundayRule && !between.isBefore(CITIZENS_HOLIDAY_FROM)) {
				days.putIfAbsent(between, "国民の休日");
			}
		}
	}

	static LocalDate nthMonday(int year, int month, int nth) {
		return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(nth, MONDAY));
	}
}
