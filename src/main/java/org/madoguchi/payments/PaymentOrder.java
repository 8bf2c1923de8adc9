package org.madoguchi.payments;

import java.util.Objects;

import org.madoguchi.japan.InvalidValue;
import org.madoguchi.japan.ZenginText;

/**
 * One payment to make: to whom ({@code account} and the holder's name as the bank holds it), how much, and
 * the {@code reference} that names what is paid, such as a benefit's application number. The reference is
 * exactly 10 digits because it travels in the transfer record's customer code 1 (N10) and comes back in the
 * bank's result file: a shorter one would return zero-padded and no longer match.
 *
 * <p>The account number is the one inside {@code account}. It goes to the vault, unless {@code accountValueId}
 * says the vault already keeps exactly that number (kind {@code bank-account}, same municipality), as it does
 * for a benefit application's account: then the payment keeps that reference, and 650,000 numbers are not
 * sealed a second time.
 */
public record PaymentOrder(String reference, BankAccount account, ZenginText payeeName, long amount, Long accountValueId) {

	public PaymentOrder(String reference, BankAccount account, ZenginText payeeName, long amount) {
		this(reference, account, payeeName, amount, null);
	}

	public PaymentOrder {
		if (reference == null || !reference.matches("[0-9]{10}")) {
			throw new InvalidValue(InvalidValue.FORMAT, "a payment reference is 10 digits");
		}
		Objects.requireNonNull(account, "payee account");
		Objects.requireNonNull(payeeName, "payee name");
		if (amount <= 0 || amount > Transfer.MAX_AMOUNT) {
			throw new InvalidValue(InvalidValue.OUT_OF_RANGE, "a payment is 1 to 9,999,999,999 yen");
		}
	}

	/** Without the payee's name; the account masks itself. */
	@Override
	public String toString() {
		return "PaymentOrder[" + reference + ", " + account + ", " + amount + " yen]";
	}
}
