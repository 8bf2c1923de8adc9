package org.madoguchi.casework;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Fills a procedure's whole form with valid values, read from the field list the API publishes, so that
 * a test can walk any procedure without knowing its form.
 */
final class FormFiller {

	private FormFiller() {
	}

	static Map<String, Object> fill(JsonNode fields, String variant) {
		Map<String, Object> data = new LinkedHashMap<>();
		for (JsonNode field : fields) {
			String path = field.get("path").asString();
			String type = field.get("type").asString();
			if (type.equals("group")) {
				continue;
			}
			put(data, path, value(field, type, variant));
		}
		return data;
	}

	private static Object value(JsonNode field, String type, String variant) {
		return switch (type) {
			case "text" -> "テスト" + variant;
			case "kana" -> "テスト";
			case "date" -> "2026-11-01";
			case "era-date" -> "昭和20年5月1日";
			case "my-number" -> "123456789018";
			case "corporate-number" -> "7123456789012";
			case "postal-code" -> "650-0001";
			case "phone" -> "078-331-8181";
			case "amount" -> 1;
			case "boolean" -> true;
			case "bank-account" -> Map.of("bankCode", "0001", "branchCode", "001", "accountType", "1", "accountNumber", "1234567",
					"holderKana", "ﾃｽﾄ ﾀﾛｳ");
			case "choice" -> {
				JsonNode first = field.get("options").get(0);
				yield first.isObject() ? first.get("value").asString() : first.asString();
			}
			default -> throw new IllegalArgumentException("no sample for " + type);
		};
	}

	/** Puts a value at a dotted path; {@code []} makes a one-item list. */
	@SuppressWarnings("unchecked")
	private static void put(Map<String, Object> data, String path, Object value) {
		String[] parts = path.split("\\.");
		Map<String, Object> here = data;
		for (int i = 0; i < parts.length - 1; i++) {
			String part = parts[i];
			if (part.endsWith("[]")) {
				String name = part.substring(0, part.length() - 2);
				var items = (List<Map<String, Object>>) here.computeIfAbsent(name, k -> new java.util.ArrayList<>(List.of(new LinkedHashMap<>())));
				here = items.get(0);
			} else {
				here = (Map<String, Object>) here.computeIfAbsent(part, k -> new LinkedHashMap<>());
			}
		}
		here.put(parts[parts.length - 1], value);
	}
}
