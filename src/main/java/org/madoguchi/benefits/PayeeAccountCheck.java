package org.madoguchi.benefits;

import org.madoguchi.japan.InvalidValue;
import org.madoguchi.japan.JapanPostAccount;
import org.madoguchi.japan.ZenginText;
import org.madoguchi.payments.AccountType;
import org.madoguchi.payments.BankAccount;
import org.madoguchi.payments.BankDirectory;
import org.madoguchi.platform.InvalidInput;

/**
 * The account a resident writes on the form, checked the way the bank will check it: codes in the bank
 * master, a ゆうちょ 記号/番号 converted to the branch and number other banks transfer to, and the holder's
 * reading in the characters a Zengin file can carry. What fails is a deficiency to be corrected by the
 * resident, never a reason to drop the application.
 */
final class PayeeAccountCheck {

	/** What came out: the account and holder when everything passed, else the problems (paths as in the form). */
	record Outcome(BankAccount account, ZenginText holder) {
	}

	private PayeeAccountCheck() {
	}

	static Outcome check(String bankCode, String branchCode, String accountType, String accountNumber, String holderKana,
			InvalidInput.Collector problems) {
		ZenginText holder = null;
		if (blank(holderKana)) {
			problems.add("account_holder_kana", "required");
		} else {
			try {
				holder = ZenginText.of(holderKana);
			} catch (InvalidValue e) {
				problems.add("account_holder_kana", e.code());
			}
		}
		String bank = field(bankCode, "bank_code", "[0-9]{4}", problems);
		if (bank == null) {
			return new Outcome(null, holder);
		}
		var banks = BankDirectory.shipped();
		if (banks.bank(bank).isEmpty()) {
			problems.add("bank_code", BankDirectory.UNKNOWN_BANK);
			return new Outcome(null, holder);
		}
		if (JapanPostAccount.BANK_CODE.equals(bank) && branchCode != null && branchCode.strip().length() == 5) {
			// a ゆうちょ form gives 記号 and 番号; other banks transfer to the branch and number they convert to
			String symbol = field(branchCode, "branch_code", "[01][0-9]{4}", problems);
			String number = field(accountNumber, "account_number", "[0-9]{1,8}", problems);
			if (symbol == null || number == null) {
				return new Outcome(null, holder);
			}
			try {
				return new Outcome(banks.account(JapanPostAccount.of(symbol, number)), holder);
			} catch (InvalidValue e) {
				problems.add(BankDirectory.UNKNOWN_BRANCH.equals(e.code()) ? "branch_code" : "account_number", e.code());
				return new Outcome(null, holder);
			}
		}
		String branch = field(branchCode, "branch_code", "[0-9]{3}", problems);
		String type = field(accountType, "account_type", "[124]", problems);
		String number = field(accountNumber, "account_number", "[0-9]{1,7}", problems);
		if (branch == null || type == null || number == null) {
			return new Outcome(null, holder);
		}
		if (banks.branch(bank, branch).isEmpty()) {
			problems.add("branch_code", BankDirectory.UNKNOWN_BRANCH);
			return new Outcome(null, holder);
		}
		return new Outcome(banks.account(bank, branch, AccountType.ofCode(type), number), holder);
	}

	private static String field(String value, String path, String pattern, InvalidInput.Collector problems) {
		if (blank(value)) {
			problems.add(path, "required");
			return null;
		}
		String stripped = value.strip();
		if (!stripped.matches(pattern)) {
			problems.add(path, "format");
			return null;
		}
		return stripped;
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}
}
