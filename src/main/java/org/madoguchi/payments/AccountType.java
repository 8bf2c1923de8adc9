package org.madoguchi.payments;

import org.madoguchi.japan.InvalidValue;

/** 預金種目, with the one-digit code a Zengin record writes for it. */
public enum AccountType {

	/** 普通預金 */
	ORDINARY("1"),
	/** 当座預金 */
	CURRENT("2"),
	/** 貯蓄預金: a payee may hold one, but a transfer is never paid out of one. */
	SAVINGS("4");

	private final String code;

	AccountType(String code) {
		this.code = code;
	}

	public String code() {
		return code;
	}

	public static AccountType ofCode(String code) {
		for (AccountType type : values()) {
			if (type.code.equals(code)) {
				return type;
			}
		}
		throw new InvalidValue(InvalidValue.OUT_OF_RANGE, "account type must be 1 (普通), 2 (当座) or 4 (貯蓄)");
	}
}
