package org.madoguchi.casework.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.madoguchi.japan.InvalidValue;
import org.madoguchi.japan.WarekiDate;
import org.madoguchi.procedures.Field;
import org.madoguchi.procedures.FieldType;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Case data from what a keyer typed: inputs are named by their concrete path ({@code requester.birthDate},
 * {@code members[0].name}, {@code payout.account.bankCode}); empty inputs are left out, amounts become
 * integers and yes/no becomes true/false. Anything that does not convert is passed on as typed, so the
 * procedure's own check names the problem.
 */
final class KeyedValuesForm {

	static final String[] BANK_PARTS = { "bankCode", "branchCode", "accountType", "accountNumber", "holderKana" };
	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
	private static final Pattern DIGITS = Pattern.compile("\\d{1,15}");
	private static final Pattern NUMERIC_DATE = Pattern.compile("(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})");
	private static final int MAX_ROWS = 100;

	private KeyedValuesForm() {
	}

	/** The whole form, as a keying round needs it. */
	static ObjectNode whole(List<Field> form, Map<String, String> typed) {
		return object(form, "", typed);
	}

	/** Only the given fields (a checker's decisions on the fields two keyings disagree on). */
	static ObjectNode part(List<KeyingForm.Target> targets, Map<String, String> typed) {
		ObjectNode data = NODES.objectNode();
		for (var target : targets) {
			JsonNode value = value(target.field(), target.name(), typed);
			if (value != null) {
				put(data, target.name(), value);
			}
		}
		return data;
	}

	/** How many rows of a group the form shows: as many as were on the page, at least minItems (or one). */
	static int rows(Field group, String name, Map<String, String> typed) {
		int least = Math.max(1, group.minItems() == null ? 1 : group.minItems());
		int most = Math.min(MAX_ROWS, group.maxItems() == null ? MAX_ROWS : group.maxItems());
		int shown = least;
		try {
			shown = Integer.parseInt(typed.getOrDefault("_rows." + name, "0"));
		} catch (NumberFormatException ignored) {
			// a tampered count falls back to the least
		}
		return Math.max(least, Math.min(most, shown));
	}

	private static ObjectNode object(List<Field> fields, String prefix, Map<String, String> typed) {
		ObjectNode out = NODES.objectNode();
		for (Field field : fields) {
			JsonNode value = value(field, prefix + field.path(), typed);
			if (value != null) {
				put(out, field.path(), value);
			}
		}
		return out;
	}

	private static JsonNode value(Field field, String name, Map<String, String> typed) {
		return switch (field.type()) {
			case GROUP -> group(field, name, typed);
			case BANK_ACCOUNT -> bankAccount(name, typed);
			default -> leaf(field.type(), typed.get(name));
		};
	}

	/** Rows up to the last one with anything in it; an empty row in between stays, so its errors point at it. */
	private static JsonNode group(Field group, String name, Map<String, String> typed) {
		List<ObjectNode> items = new ArrayList<>();
		int last = -1;
		for (int i = 0; i < rows(group, name, typed); i++) {
			ObjectNode item = object(group.fields(), name + "[" + i + "].", typed);
			items.add(item);
			if (!item.isEmpty()) {
				last = i;
			}
		}
		if (last < 0) {
			return null;
		}
		ArrayNode array = NODES.arrayNode();
		items.subList(0, last + 1).forEach(array::add);
		return array;
	}

	private static JsonNode bankAccount(String name, Map<String, String> typed) {
		ObjectNode account = NODES.objectNode();
		for (String part : BANK_PARTS) {
			String value = typed.get(name + "." + part);
			if (value != null && !value.isBlank()) {
				account.put(part, value.strip());
			}
		}
		return account.isEmpty() ? null : account;
	}

	static JsonNode leaf(FieldType type, String typed) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		String text = typed.strip();
		return switch (type) {
			case AMOUNT -> {
				String digits = halfWidth(text).replaceAll("[,，円¥￥\\s]", "");
				yield DIGITS.matcher(digits).matches() ? NODES.numberNode(Long.parseLong(digits)) : NODES.stringNode(text);
			}
			case BOOLEAN -> "true".equals(text) || "false".equals(text) ? NODES.booleanNode(Boolean.parseBoolean(text)) : NODES.stringNode(text);
			case DATE -> NODES.stringNode(isoDate(text));
			default -> NODES.stringNode(text);
		};
	}

	/** A date field takes 2026-11-20, 2026/11/20, 20261120 or an era date, and stores ISO; otherwise as typed. */
	static String isoDate(String text) {
		String folded = halfWidth(text);
		var numeric = NUMERIC_DATE.matcher(folded);
		if (numeric.matches()) {
			return "%s-%02d-%02d".formatted(numeric.group(1), Integer.parseInt(numeric.group(2)), Integer.parseInt(numeric.group(3)));
		}
		if (folded.matches("\\d{8}")) {
			return folded.substring(0, 4) + "-" + folded.substring(4, 6) + "-" + folded.substring(6);
		}
		try {
			LocalDate date = WarekiDate.parse(folded);
			return date.toString();
		} catch (InvalidValue e) {
			return text;
		}
	}

	private static String halfWidth(String text) {
		var folded = new StringBuilder(text.length());
		text.chars().forEach(c -> folded.append((char) (c >= '０' && c <= '９' ? c - '０' + '0' : c)));
		return folded.toString();
	}

	/** Sets a value at a concrete path, making the objects and array items on the way. */
	static void put(ObjectNode root, String path, JsonNode value) {
		String[] segments = path.split("\\.");
		ObjectNode node = root;
		for (int s = 0; s < segments.length; s++) {
			boolean last = s == segments.length - 1;
			String segment = segments[s];
			int bracket = segment.indexOf('[');
			if (bracket < 0) {
				if (last) {
					node.set(segment, value);
					return;
				}
				node = node.get(segment) instanceof ObjectNode child ? child : node.putObject(segment);
				continue;
			}
			String key = segment.substring(0, bracket);
			int index = Integer.parseInt(segment.substring(bracket + 1, segment.length() - 1));
			ArrayNode array = node.get(key) instanceof ArrayNode existing ? existing : node.putArray(key);
			while (array.size() <= index) {
				array.addObject();
			}
			if (last) {
				array.set(index, value);
				return;
			}
			node = (ObjectNode) array.get(index);
		}
	}
}
