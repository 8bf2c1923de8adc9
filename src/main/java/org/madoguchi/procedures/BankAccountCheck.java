package org.madoguchi.procedures;

import java.util.Set;

import org.madoguchi.japan.InvalidValue;
import org.madoguchi.japan.ZenginText;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A bank account as a transfer needs it: {@code {"bankCode","branchCode","accountType","accountNumber",
 * "holderKana"}}. Codes are strings so leading zeros survive; account numbers shorter than seven digits are
 * padded with zeros on the left, as the numeric field of a Zengin record would be anyway; the holder's
 * reading is converted to Zengin characters, the form the bank compares against its own records.
 */
final class BankAccountCheck {

	/** The payee name field of a Zengin data record. */
	static final int HOLDER_BYTES = 30;

	private static final Set<String> KEYS = Set.of("bankCode", "branchCode", "accountType", "accountNumber", "holderKana");
	private static final Set<String> ACCOUNT_TYPES = Set.of("1", "2", "4");
	private static final int MAX_HOLDER_INPUT = 100;

	private BankAccountCheck() {
	}

	static JsonNode check(JsonNode value, String path, ProblemList problems) {
		if (!value.isObject()) {
			problems.add(path, "type");
			return null;
		}
		for (String name : value.propertyNames()) {
			if (!KEYS.contains(name)) {
				problems.add(ProblemList.child(path, name), "unknown_field");
			}
		}
		String bank = digits(value.get("bankCode"), path + ".bankCode", 4, 4, problems);
		String branch = digits(value.get("branchCode"), path + ".branchCode", 3, 3, problems);
		String type = accountType(value.get("accountType"), path + ".accountType", problems);
		String number = digits(value.get("accountNumber"), path + ".accountNumber", 1, 7, problems);
		String holder = holder(value.get("holderKana"), path + ".holderKana", problems);
		if (bank == null || branch == null || type == null || number == null || holder == null) {
			return null;
		}
		ObjectNode account = JsonNodeFactory.instance.objectNode();
		account.put("bankCode", bank);
		account.put("branchCode", branch);
		account.put("accountType", type);
		account.put("accountNumber", "0".repeat(7 - number.length()) + number);
		account.put("holderKana", holder);
		return account;
	}

	private static String digits(JsonNode value, String path, int min, int max, ProblemList problems) {
		if (!DataPath.given(value)) {
			problems.add(path, "required");
			return null;
		}
		String text = ValueCheck.text(value, path, problems, ValueCheck.MAX_CODE_LENGTH, false);
		if (text == null) {
			return null;
		}
		String digits = ValueCheck.fold(text).strip();
		if (digits.length() < min || digits.length() > max || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
			problems.add(path, "format");
			return null;
		}
		return digits;
	}

	/** 1 普通, 2 当座, 4 貯蓄: given as a number or a digit string, kept as the digit string. */
	private static String accountType(JsonNode value, String path, ProblemList problems) {
		if (!DataPath.given(value)) {
			problems.add(path, "required");
			return null;
		}
		String type = value.isIntegralNumber() ? value.asString() : value.isString() ? value.asString().strip() : null;
		if (type == null) {
			problems.add(path, "type");
			return null;
		}
		if (!ACCOUNT_TYPES.contains(type)) {
			problems.add(path, "unknown_option");
			return null;
		}
		return type;
	}

	private static String holder(JsonNode value, String path, ProblemList problems) {
		if (!DataPath.given(value)) {
			problems.add(path, "required");
			return null;
		}
		String text = ValueCheck.text(value, path, problems, MAX_HOLDER_INPUT, false);
		if (text == null) {
			return null;
		}
		ZenginText name;
		try {
			name = ZenginText.of(text);
		} catch (InvalidValue e) {
			problems.add(path, "not_zengin");
			return null;
		}
		if (name.length() > HOLDER_BYTES) {
			problems.add(path, "too_long", HOLDER_BYTES);
			return null;
		}
		return name.value();
	}
}
