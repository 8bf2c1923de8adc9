package org.madoguchi.benefits;

import java.util.List;

/**
 * An online application as the portal's form (or an API client) sends it, every field as typed.
 * {@code programmeId} may be null: the application number's first two digits name the programme. For a
 * ゆうちょ account, {@code branchCode} holds the 5-digit 記号 and {@code accountNumber} the 番号.
 * {@code idempotencyKey} is the client's: a retry with the same key answers the application already made.
 */
public record OnlineForm(String municipality, String programmeId, String application, String birthDate, String bankCode,
		String branchCode, String accountType, String accountNumber, String accountHolderKana, String phone,
		List<String> declinedResidentIds, String idempotencyKey) {

	public OnlineForm {
		declinedResidentIds = declinedResidentIds == null ? List.of() : List.copyOf(declinedResidentIds);
	}
}
