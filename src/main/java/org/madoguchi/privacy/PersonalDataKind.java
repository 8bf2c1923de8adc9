package org.madoguchi.privacy;

import java.util.Optional;

import org.madoguchi.japan.InvalidValue;
import org.madoguchi.japan.MyNumber;

/**
 * The kinds of value the vault keeps, each with its rules: what is accepted, the canonical form the blind
 * index is computed from (so that differently typed equal values are found), and the mask shown instead.
 */
public enum PersonalDataKind {

	/** 個人番号: 12 digits with a check digit. The card prints it in groups of four, so spaces are dropped. */
	MY_NUMBER("my-number") {
		@Override
		String normalize(String input) {
			return new MyNumber(Typed.fold(input).replace(" ", "")).value();
		}

		@Override
		String mask(String normalized) {
			return new MyNumber(normalized).masked();
		}
	},

	/** 口座番号 of a Japanese bank account: always 7 digits in Zengin files. */
	BANK_ACCOUNT("bank-account") {
		@Override
		String normalize(String input) {
			String value = Typed.fold(input);
			if (!value.matches("[0-9]{7}")) {
				throw new InvalidValue(InvalidValue.FORMAT, "an account number is 7 digits");
			}
			return value;
		}

		@Override
		String mask(String normalized) {
			return "****" + normalized.substring(4);
		}
	},

	/** Digits and hyphens as people write them; searched by the digits alone. */
	PHONE("phone") {
		@Override
		String normalize(String input) {
			String value = Typed.fold(input);
			int digits = canonical(value).length();
			if (!value.matches("[0-9]+(-[0-9]+)*") || digits < 10 || digits > 11) {
				throw new InvalidValue(InvalidValue.FORMAT, "a phone number is 10 or 11 digits with optional hyphens");
			}
			return value;
		}

		@Override
		String canonical(String normalized) {
			return normalized.replace("-", "");
		}

		@Override
		String mask(String normalized) {
			var masked = new StringBuilder(normalized);
			int keep = 4;
			for (int i = masked.length() - 1; i >= 0; i--) {
				if (Character.isDigit(masked.charAt(i)) && keep-- <= 0) {
					masked.setCharAt(i, '*');
				}
			}
			return masked.toString();
		}
	};

	private final String code;

	PersonalDataKind(String code) {
		this.code = code;
	}

	/** The name used in the API, the database and the associated data of every seal. */
	public String code() {
		return code;
	}

	/**
	 * The value as the vault would keep it, or an {@link org.madoguchi.japan.InvalidValue}: lets a bulk load
	 * sort out bad values before it stores any.
	 */
	public String normalized(String input) {
		return normalize(input);
	}

	public static Optional<PersonalDataKind> parse(String code) {
		for (PersonalDataKind kind : values()) {
			if (kind.code.equals(code)) {
				return Optional.of(kind);
			}
		}
		return Optional.empty();
	}

	/**
	 * The value as it will be kept, or an {@link InvalidValue} with a code such as {@code format} or
	 * {@code check_digit}. The message never contains the input.
	 */
	abstract String normalize(String input);

	/** What the blind index is computed from. */
	String canonical(String normalized) {
		return normalized;
	}

	abstract String mask(String normalized);

	/** Residents and staff type with an IME on; full-width digits and hyphens mean the same. */
	private static final class Typed {

		static String fold(String input) {
			if (input == null || input.isBlank()) {
				throw new InvalidValue(InvalidValue.REQUIRED, "a value is required");
			}
			var folded = new StringBuilder(input.length());
			for (char c : input.strip().toCharArray()) {
				if (c >= '０' && c <= '９') {
					folded.append((char) (c - '０' + '0'));
				} else if (c == '－' || c == '‐' || c == '−' || c == 'ー') {
					folded.append('-');
				} else if (c == '\u3000') {
					folded.append(' ');
				} else {
					folded.append(c);
				}
			}
			return folded.toString();
		}
	}
}
