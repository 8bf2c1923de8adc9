package org.madoguchi.japan;

import static org.madoguchi.japan.InvalidValue.FORMAT;

import java.util.regex.Pattern;

/**
 * An account at ゆうちょ銀行 (Japan Post Bank, bank code 9900) as its passbook writes it: 記号 (symbol) and
 * 番号 (number). Other banks, and so Zengin files, address it by a branch code and a 7-digit account number
 * instead, derived from the symbol and number by a rule the bank publishes.
 *
 * <p>The rule as applied here, from Japan Post Bank's page 「記号・番号から振込用の店名・預金種目・口座番号への
 * 変換の公式」 (jp-bank.japanpost.jp, kj_tk_sk_kz_furikomi_ksk.html):
 * <ul>
 * <li>Symbol starting with 1 (総合口座, 通常貯金, 通常貯蓄貯金): branch code = the symbol's 2nd and 3rd digits
 * followed by 8 (12345 → 238); account number = the number without its last digit, which is always 1,
 * whatever its length, left-padded with zeros to 7 digits; deposit type 普通, or 貯蓄 for 通常貯蓄貯金.</li>
 * <li>Symbol starting with 0 (振替口座): branch code = the 2nd and 3rd digits followed by 9 (00150 → 019);
 * deposit type 当座; account number = the number, right-aligned in 7 digits. A one-digit check number
 * written between symbol and number (00150-1-123456) is not used for transfers, so the bank says.</li>
 * </ul>
 * Not applied: the check digit that some third-party converters read in the symbol's 4th digit. Japan Post
 * Bank does not publish it, and refusing a real account on a guessed rule would cost a resident a payment.
 */
public record JapanPostAccount(String symbol, String number, boolean savingsDeposit) {

	public static final String BANK_CODE = "9900";

	// A passbook writes 12345-12345671 or 00150-1-123456; people add spaces or type any dash their IME offers.
	private static final Pattern WRITTEN = Pattern.compile("(\\d{5})[-\\s]*(?:(\\d)[-\\s]+)?(\\d{1,8})");
	private static final String DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u30FC\uFF70";

	public JapanPostAccount {
		symbol = Digits.foldFullWidth(InvalidValue.required(symbol, "Japan Post Bank symbol (記号)")).strip();
		number = Digits.foldFullWidth(InvalidValue.required(number, "Japan Post Bank number (番号)")).strip();
		if (!Digits.exactly(symbol, 5) || (symbol.charAt(0) != '0' && symbol.charAt(0) != '1')) {
			throw new InvalidValue(FORMAT, "Japan Post Bank symbol (記号) must be 5 digits starting with 1 or 0");
		}
		boolean transferAccount = symbol.charAt(0) == '0';
		if (transferAccount) {
			// Published examples of 振替口座 numbers have up to 6 digits; 7 is accepted as it still fits the field.
			if (!isDigits(number, 1, 7)) {
				throw new InvalidValue(FORMAT, "number (番号) of a 振替口座 must be 1 to 7 digits");
			}
			if (savingsDeposit) {
				throw new InvalidValue(FORMAT, "a 振替口座 (symbol starting with 0) is not a savings deposit");
			}
		} else if (!isDigits(number, 2, 8) || !number.endsWith("1")) {
			// The trailing 1 is what the conversion drops; a number without it was misread or mis-split.
			throw new InvalidValue(FORMAT, "number (番号) of an ordinary account must be 2 to 8 digits ending in 1");
		}
	}

	/** An account whose symbol starts with 1 is taken as 総合口座 or 通常貯金 (普通); use the constructor for 通常貯蓄貯金. */
	public static JapanPostAccount of(String symbol, String number) {
		return new JapanPostAccount(symbol, number, false);
	}

	/** Symbol and number as one text, the way a passbook or a form writes them: 12345-12345671 or 00150-1-123456. */
	public static JapanPostAccount parse(String written) {
		String text = Digits.foldFullWidth(InvalidValue.required(written, "Japan Post Bank account")).strip();
		var dashed = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			dashed.append(DASHES.indexOf(c) >= 0 ? '-' : c);
		}
		var matcher = WRITTEN.matcher(dashed);
		// Only 振替口座 have a check number between symbol and number; on another account it is a typing slip.
		if (!matcher.matches() || (matcher.group(2) != null && matcher.group(1).charAt(0) != '0')) {
			throw new InvalidValue(FORMAT, "Japan Post Bank account must be written as symbol-number, as 12345-12345671");
		}
		return of(matcher.group(1), matcher.group(3));
	}

	/** 振替口座: symbol starting with 0. */
	public boolean transferAccount() {
		return symbol.charAt(0) == '0';
	}

	public String bankCode() {
		return BANK_CODE;
	}

	/** The 3-digit branch code (店番) other banks transfer to; its name is the digits read aloud (二三八, ﾆｻﾝﾊﾁ). */
	public String branchCode() {
		return symbol.substring(1, 3) + (transferAccount() ? '9' : '8');
	}

	/** The Zengin deposit type code: 1 普通, 2 当座, 4 貯蓄. */
	public String accountTypeCode() {
		return transferAccount() ? "2" : savingsDeposit ? "4" : "1";
	}

	/** The 7-digit account number other banks transfer to. */
	public String accountNumber() {
		String digits = transferAccount() ? number : number.substring(0, number.length() - 1);
		return "0".repeat(7 - digits.length()) + digits;
	}

	/** Masked, as a resident's account is personal data: only enough to confirm it over the phone. */
	@Override
	public String toString() {
		return "JapanPostAccount[" + symbol + "-****" + number.substring(Math.max(0, number.length() - 3)) + "]";
	}

	private static boolean isDigits(String text, int min, int max) {
		if (text.length() < min || text.length() > max) {
			return false;
		}
		return text.chars().allMatch(c -> c >= '0' && c <= '9');
	}
}
