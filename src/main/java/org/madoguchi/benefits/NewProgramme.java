package org.madoguchi.benefits;

import java.time.LocalDate;

/**
 * A programme as the city's administrator describes it. {@code payer} is the city's side of the Zengin
 * file: the requester code its bank assigned, its name in Zengin characters and the account paid from.
 */
public record NewProgramme(String id, String name, LocalDate referenceDate, Long amountPerPerson, LocalDate applicationStart,
		LocalDate applicationEnd, Boolean manualCheck, PayerAccount payer) {

	public record PayerAccount(String requesterCode, String name, String bankCode, String branchCode, String accountType,
			String accountNumber) {
	}
}
