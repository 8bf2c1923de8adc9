package org.madoguchi.japan;

import static org.madoguchi.japan.JapaneseHolidays.nthMonday;

import java.time.LocalDate;
import java.util.TreeMap;

/** The 祝日 named in the law, as each article read in the given year. Substitutes are not here. */
final class NationalHolidayRules {

	private NationalHolidayRules() {
	}

	static TreeMap<LocalDate, String> holidaysOf(int year) {
		TreeMap<LocalDate, String> days = new TreeMap<>();
		days.put(LocalDate.of(year, 1, 1), "元日");
		days.put(year <= 1999 ? LocalDate.of(year, 1, 15) : nthMonday(year, 1, 2), "成人の日");
		if (year >= 1967) {
			days.put(LocalDate.of(year, 2, 11), "建国記念の日");
		}
		if (year >= 2020) {
			days.put(LocalDate.of(year, 2, 23), "天皇誕生日");
		}
		days.put(LocalDate.of(year, 3, vernalEquinoxDay(year)), "春分の日");
		days.put(LocalDate.of(year, 4, 29), year <= 1988 ? "天皇誕生日" : year <= 2006 ? "みどりの日" : "昭和の日");
		days.put(LocalDate.of(year, 5, 3), "憲法記念日");
		if (year >= 2007) {
			days.put(LocalDate.of(year, 5, 4), "みどりの日");
		}
		days.put(LocalDate.of(year, 5, 5), "こどもの日");
		addMarineDay(days, year);
		addMountainDay(days, year);
		if (year >= 1966) {
			days.put(year <= 2002 ? LocalDate.of(year, 9, 15) : nthMonday(year, 9, 3), "敬老の日");
		}
		days.put(LocalDate.of(year, 9, autumnalEquinoxDay(year)), "秋分の日");
		addSportsDay(days, year);
		days.put(LocalDate.of(year, 11, 3), "文化の日");
		days.put(LocalDate.of(year, 11, 23), "勤労感謝の日");
		if (year >= 1989 && year <= 2018) {
			days.put(LocalDate.of(year, 12, 23), "天皇誕生日");
		}
		return days;
	}

	// 2020 and 2021 moved three holidays around the Tokyo Olympics by special law.

	private static void addMarineDay(TreeMap<LocalDate, String> days, int year) {
		if (year >= 1996) {
			days.put(switch (year) {
				case 2020 -> LocalDate.of(2020, 7, 23);
				case 2021 -> LocalDate.of(2021, 7, 22);
				default -> year <= 2002 ? LocalDate.of(year, 7, 20) : nthMonday(year, 7, 3);
			}, "海の日");
		}
	}

	private static void addMountainDay(TreeMap<LocalDate, String> days, int year) {
		if (year >= 2016) {
			days.put(switch (year) {
				case 2020 -> LocalDate.of(2020, 8, 10);
				case 2021 -> LocalDate.of(2021, 8, 8);
				default -> LocalDate.of(year, 8, 11);
			}, "山の日");
		}
	}

	private static void addSportsDay(TreeMap<LocalDate, String> days, int year) {
		if (year >= 1966) {
			days.put(switch (year) {
				case 2020 -> LocalDate.of(2020, 7, 24);
				case 2021 -> LocalDate.of(2021, 7, 23);
				default -> year <= 1999 ? LocalDate.of(year, 10, 10) : nthMonday(year, 10, 2);
			}, year >= 2020 ? "スポーツの日" : "体育の日");
		}
	}

	/*
	 * The equinox days are fixed each February in the 官報 from the observatory's ephemeris, so
	 * a rule can only approximate them. This is the usual approximation, stated for 1900-2099; for
	 * 2100-2150 it takes the constants given for that range rather than stretching the 1980-2099 ones.
	 */

	static int vernalEquinoxDay(int year) {
		return equinoxDay(year, year < 1980 ? 20.8357 : year < 2100 ? 20.8431 : 21.8510);
	}

	static int autumnalEquinoxDay(int year) {
		return equinoxDay(year, year < 1980 ? 23.2588 : year < 2100 ? 23.2488 : 24.2488);
	}

	private static int equinoxDay(int year, double base) {
		int sinceBase = year - 1980;
		// The published pre-1980 form, int((y - 1983) / 4) truncated toward zero, is this same floor.
		return (int) Math.floor(base + 0.242194 * sinceBase - Math.floorDiv(sinceBase, 4));
	}
}
