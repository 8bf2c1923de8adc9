package org.madoguchi.payments;

import java.util.Objects;

import org.madoguchi.japan.ZenginText;

/**
 * An account as a Zengin record addresses it: bank and branch by code and by the half-width name the file
 * repeats next to each code, the deposit type and a 7-digit number (shorter numbers are padded with zeros on
 * the left, as the numeric field would be anyway). {@link BankDirectory#account} fills in the names.
 */
public record BankAccount(String bankCode, ZenginText bankName, String branchCode, ZenginText branchName,
		AccountType type, String number) {

	public BankAccount {
		NumericField.digits(bankCode, 4, 4, "bank code");
		NumericField.digits(branchCode, 3, 3, "branch code");
		number = NumericField.zeroPadded(NumericField.digits(number, 1, 7, "account number"), 7);
		Objects.requireNonNull(bankName, "bank name");
		Objects.requireNonNull(branchName, "branch name");
		Objects.requireNonNull(type, "account type");
	}

	/** Masked like the vault's masks: a payment batch logged by accident must not list residents' accounts. */
	@Override
	public String toString() {
		return "BankAccount[" + bankCode + "-" + branchCode + " " + type + " ****" + number.substring(4) + "]";
	}
}
