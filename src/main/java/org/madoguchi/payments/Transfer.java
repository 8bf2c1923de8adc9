package org.madoguchi.payments;

import java.util.Objects;

import org.madoguchi.japan.InvalidValue;
import org.madoguchi.japan.ZenginText;

/**
 * One payment in a transfer file: the payee's account, the account holder's name as the bank holds it
 * (in Zengin characters; the file cuts it to its 30-byte field), the amount in yen, and customer code 1,
 * a number of up to 10 digits that the paying bank's result file repeats, so a returned transfer can be
 * traced to its application (or {@code null} when there is none).
 */
public record Transfer(BankAccount account, ZenginText payeeName, long amount, String customerCode1) {

	/** The 10-digit amount field's limit: 9,999,999,999 yen. */
	public static final long MAX_AMOUNT = 9_999_999_999L;

	public Transfer {
		Objects.requireNonNull(account, "payee account");
		Objects.requireNonNull(payeeName, "payee name");
		if (amount <= 0 || amount > MAX_AMOUNT) {
			throw new InvalidValue(InvalidValue.OUT_OF_RANGE, "a transfer amount must be 1 to 9,999,999,999 yen");
		}
		if (customerCode1 != null) {
			NumericField.digits(customerCode1, 1, 10, "customer code 1");
		}
	}

	public Transfer(BankAccount account, ZenginText payeeName, long amount) {
		this(account, payeeName, amount, null);
	}

	/** Without the payee's name, for the same reason the account is masked. */
	@Override
	public String toString() {
		return "Transfer[" + account + ", " + amount + " yen, customer code 1 " + customerCode1 + "]";
	}
}
