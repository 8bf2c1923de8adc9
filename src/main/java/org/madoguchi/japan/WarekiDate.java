package org.madoguchi.japan;

import static org.madoguchi.japan.InvalidValue.FORMAT;
import static org.madoguchi.japan.InvalidValue.INVALID_DATE;
import static org.madoguchi.japan.InvalidValue.OUT_OF_RANGE;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Japanese-era dates (和暦) as residents write them on paper forms.
 *
 * <p>Formatting is strict and official (令和元年5月1日); parsing is lenient because the input is
 * whatever a resident or an operator typed: initials, full-width digits, spaces, zero padding.
 */
public final class WarekiDate {

	private static final String ERA = "(明治|大正|昭和|平成|令和|[MTSHR])";
	private static final String SEPARATOR = "(?:\\s*[./-]\\s*|\\s+)";
	private static final Pattern WAREKI = Pattern.compile(ERA + "\\s*(元|\\d{1,2})"
			+ "(?:\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日"
			+ "|" + SEPARATOR + "(\\d{1,2})" + SEPARATOR + "(\\d{1,2}))", Pattern.CASE_INSENSITIVE);
	private static final Pattern ISO = Pattern.compile("(\\d{4})([-/])(\\d{1,2})\\2(\\d{1,2})");

	private WarekiDate() {
	}

	/** The official form: 元年 for the first year, no zero padding. */
	public static String format(LocalDate date) {
		Era era = Era.of(date);
		int year = era.yearOf(date);
		return era.kanji() + (year == 1 ? "元" : String.valueOf(year)) + "年"
				+ date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
	}

	public static LocalDate parse(String text) {
		String input = Digits.foldFullWidth(InvalidValue.required(text, "date")).strip();
		Matcher matcher = WAREKI.matcher(input);
		if (!matcher.matches()) {
			throw new InvalidValue(FORMAT, "date must be written as 令和7年4月1日 or R7.4.1");
		}
		Era era = Era.byLabel(matcher.group(1)).orElseThrow();
		int year = "元".equals(matcher.group(2)) ? 1 : Integer.parseInt(matcher.group(2));
		int month = Integer.parseInt(matcher.group(3) != null ? matcher.group(3) : matcher.group(5));
		int day = Integer.parseInt(matcher.group(4) != null ? matcher.group(4) : matcher.group(6));
		return resolve(era, year, month, day);
	}

	/** For fields that take either an ISO date (from a date picker) or a wareki date (typed). */
	public static LocalDate parseIsoOrWareki(String text) {
		String input = Digits.foldFullWidth(InvalidValue.required(text, "date")).strip();
		Matcher iso = ISO.matcher(input);
		if (!iso.matches()) {
			return parse(input);
		}
		try {
			return LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(3)),
					Integer.parseInt(iso.group(4)));
		} catch (DateTimeException e) {
			throw new InvalidValue(INVALID_DATE, "no such date");
		}
	}

	private static LocalDate resolve(Era era, int year, int month, int day) {
		if (year < 1) {
			throw new InvalidValue(OUT_OF_RANGE, "era years start at 元年");
		}
		LocalDate date;
		try {
			date = LocalDate.of(era.gregorianYear(year), month, day);
		} catch (DateTimeException e) {
			throw new InvalidValue(INVALID_DATE, "no such date");
		}
		if (date.isBefore(era.start())) {
			throw new InvalidValue(OUT_OF_RANGE, "date is before the era began");
		}
		// Forms printed before an era change keep the old name, so residents write 平成31年5月1日.
		// That habit lasts the rest of the calendar year; a later overflowed year is a mistake.
		if (era.end().filter(end -> date.getYear() > end.getYear()).isPresent()) {
			throw new InvalidValue(OUT_OF_RANGE, "date is after the era ended");
		}
		return date;
	}
}
