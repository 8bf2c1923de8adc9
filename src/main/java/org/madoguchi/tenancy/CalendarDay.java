package org.madoguchi.tenancy;

import java.time.LocalDate;

/** A day on which one municipality departs from the national calendar: closed, or open though it would not be. */
public record CalendarDay(LocalDate day, Kind kind, String name) {

	public enum Kind {
		CLOSED, OPEN
	}
}
