package org.madoguchi.benefits;

import java.time.LocalDate;

import org.madoguchi.payments.Payer;

/** A benefit programme of one municipality; {@code ordinal} is the first two digits of its application numbers. */
public record Programme(String municipality, String id, int ordinal, String name, LocalDate referenceDate, long amountPerPerson,
		LocalDate applicationStart, LocalDate applicationEnd, boolean manualCheck, Payer payer, boolean snapshotTaken) {

	public boolean open(LocalDate day) {
		return !day.isBefore(applicationStart) && !day.isAfter(applicationEnd);
	}
}
