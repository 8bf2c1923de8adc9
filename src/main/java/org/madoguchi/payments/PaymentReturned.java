package org.madoguchi.payments;

/**
 * A transfer the bank could not make (account closed, name mismatch …), published in the transaction that
 * marks the payment returned. Its reference is free again in its purpose, so the owner of the reference,
 * such as a benefit application, can ask for another account and order a new payment.
 */
public record PaymentReturned(String municipality, String purpose, String reference, long amount, String resultCode,
		String reason) {
}
