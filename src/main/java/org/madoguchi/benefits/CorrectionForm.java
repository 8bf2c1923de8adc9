package org.madoguchi.benefits;

/**
 * Another account for an application, as the portal's correction form (or an API client) sends it, every
 * field as typed. The household is identified as for the status look-up: the form's number and the head's
 * birth date. For a ゆうちょ account, {@code branchCode} holds the 5-digit 記号 and {@code accountNumber} the
 * 番号, as on the online application. {@code idempotencyKey} is the client's: a retry answers the correction
 * already made.
 */
public record CorrectionForm(String municipality, String application, String birthDate, String bankCode, String branchCode,
		String accountType, String accountNumber, String accountHolderKana, String idempotencyKey) {
}
