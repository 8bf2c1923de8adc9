package org.madoguchi.japan;

import static org.madoguchi.japan.InvalidValue.OUT_OF_RANGE;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The modern Japanese eras (元号), each starting on the day it took effect.
 *
 * <p>Meiji starts on 1868-10-23, the day of the proclamation, although it was applied back to the
 * start of that lunar year. Wareki dates before Meiji 6 (1873) were lunisolar; they are read here as
 * Gregorian, which no living resident's record needs to contradict.
 */
public enum Era {

	MEIJI("明治", 'M', LocalDate.of(1868, 10, 23)),
	TAISHO("大正", 'T', LocalDate.of(1912, 7, 30)),
	SHOWA("昭和", 'S', LocalDate.of(1926, 12, 25)),
	HEISEI("平成", 'H', LocalDate.of(1989, 1, 8)),
	REIWA("令和", 'R', LocalDate.of(2019, 5, 1));

	private static final List<Era> ALL = List.of(values());

	private final String kanji;
	private final char initial;
	private final LocalDate start;

	Era(String kanji, char initial, LocalDate start) {
		this.kanji = kanji;
		this.initial = initial;
		this.start = start;
	}

	public String kanji() {
		return kanji;
	}

	/** The romaji initial used on forms and in spreadsheets, as in R7.4.1. */
	public char initial() {
		return initial;
	}

	public LocalDate start() {
		return start;
	}

	/** The last day of the era; empty for the current one. */
	public Optional<LocalDate> end() {
		int next = ordinal() + 1;
		return next < ALL.size() ? Optional.of(ALL.get(next).start.minusDays(1)) : Optional.empty();
	}

	public static Era of(LocalDate date) {
		for (int i = ALL.size() - 1; i >= 0; i--) {
			if (!date.isBefore(ALL.get(i).start)) {
				return ALL.get(i);
			}
		}
		throw new InvalidValue(OUT_OF_RANGE, "date is before the Meiji era");
	}

	/** The era year of a date in this era; the year the era began is year 1 (元年). */
	public int yearOf(LocalDate date) {
		if (date.isBefore(start)) {
			throw new InvalidValue(OUT_OF_RANGE, "date is before " + name());
		}
		return date.getYear() - start.getYear() + 1;
	}

	public int gregorianYear(int eraYear) {
		return start.getYear() + eraYear - 1;
	}

	/** Finds an era by its kanji name or its romaji initial in either case. */
	public static Optional<Era> byLabel(String label) {
		String upper = label.toUpperCase(Locale.ROOT);
		return ALL.stream()
				.filter(era -> era.kanji.equals(label) || upper.equals(String.valueOf(era.initial)))
				.findFirst();
	}
}
