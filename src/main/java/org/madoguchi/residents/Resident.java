package org.madoguchi.residents;

import java.time.LocalDate;

/**
 * What the register said about one person for the period {@code [validFrom, validTo)} ({@code validTo} null:
 * still in force). Names are exactly as the extract gave them; {@code matchKey} is the reading folded for
 * matching. {@code myNumber} is the number's mask ({@code ********1234}), or null when the extract gave
 * none; the number itself is sealed and shown only through {@link Register#revealMyNumber}.
 */
public record Resident(String residentId, String householdId, String relationship, String name, String nameKana,
		String matchKey, LocalDate birthDate, Sex sex, String postalCode, String address, LocalDate registeredOn,
		LocalDate removedOn, String removalReason, String myNumber, LocalDate validFrom, LocalDate validTo) {

	/** 続柄 of the household head, as every register extract writes it. */
	public static final String HEAD = "世帯主";

	public enum Sex {
		MALE, FEMALE
	}

	public boolean isHead() {
		return HEAD.equals(relationship);
	}

	/** In the register on that day: registered by then and not yet removed (the removal day itself is outside). */
	public boolean presentOn(LocalDate day) {
		return !registeredOn.isAfter(day) && (removedOn == null || removedOn.isAfter(day));
	}
}
