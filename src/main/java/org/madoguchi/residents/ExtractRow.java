package org.madoguchi.residents;

import java.time.LocalDate;

import org.madoguchi.japan.MyNumber;

/**
 * One checked row of a register extract. Names are as the file gave them; the postal code is its seven
 * digits. {@code myNumber} prints masked, so a row that reaches a log does not carry the number.
 */
record ExtractRow(int line, String residentId, String householdId, String relationship, String name, String nameKana,
		String matchKey, LocalDate birthDate, Resident.Sex sex, String postalCode, String address, LocalDate registeredOn,
		LocalDate removedOn, String removalReason, MyNumber myNumber) {
}
