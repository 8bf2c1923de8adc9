package org.madoguchi.portal.web;

import java.util.UUID;

import org.madoguchi.benefits.CorrectionForm;

/**
 * A correction of the account between its steps, kept in the session like {@link ApplicationDraft}: the birth
 * date is typed once and never sent back to the browser. The idempotency key is drawn when the head is let in,
 * so sending the confirmation twice corrects once. {@code before} is the status that made the correction
 * necessary, shown while the new account is typed.
 */
record CorrectionDraft(String municipality, String application, String birthDate, String idempotencyKey, String number,
		StatusView before, Account account) {

	static final String SESSION = CorrectionDraft.class.getName();

	/** The new account as typed; names match the online application's fields, so the same fragment shows both. */
	record Account(String bankCode, String branchCode, String accountType, String accountNumber, String accountHolderKana) {

		static final Account EMPTY = new Account("", "", "1", "", "");
	}

	static CorrectionDraft start(String municipality, String application, String birthDate, String number, StatusView before) {
		return new CorrectionDraft(municipality, application, birthDate, UUID.randomUUID().toString(), number, before, Account.EMPTY);
	}

	CorrectionDraft with(Account account) {
		return new CorrectionDraft(municipality, application, birthDate, idempotencyKey, number, before, account);
	}

	boolean filled() {
		return !account.bankCode().isBlank();
	}

	CorrectionForm form() {
		return new CorrectionForm(municipality, application, birthDate, account.bankCode(), account.branchCode(), account.accountType(),
				account.accountNumber(), account.accountHolderKana(), idempotencyKey);
	}
}
