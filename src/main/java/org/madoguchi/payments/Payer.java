package org.madoguchi.payments;

import java.util.Objects;

import org.madoguchi.japan.InvalidValue;
import org.madoguchi.japan.ZenginText;

/**
 * Who pays, as the header record of a transfer file names it: the requester code (委託者コード) the paying
 * bank assigned to the city, the city's name in Zengin characters, and the account the money leaves from.
 */
public record Payer(String requesterCode, ZenginText name, BankAccount account) {

	public Payer {
		NumericField.digits(requesterCode, 1, 10, "requester code");
		Objects.requireNonNull(name, "payer name");
		Objects.requireNonNull(account, "payer account");
		if (account.type() == AccountType.SAVINGS) {
			// The header's deposit type allows 普通 and 当座 only: a 貯蓄預金 cannot be used for payments.
			throw new InvalidValue(InvalidValue.OUT_OF_RANGE, "a payer's account must be 普通 (1) or 当座 (2)");
		}
	}
}
