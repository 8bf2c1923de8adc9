package org.madoguchi.procedures;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.madoguchi.platform.Problem;

import tools.jackson.databind.JsonNode;

/**
 * A place in a definition being read, with its path (e.g. {@code workflow.transitions[3].to}) so that every
 * problem names where it is. Reading never stops at the first problem: absent or wrong values read as null
 * and the problem is collected, so an administrator hears of all of them at once.
 */
final class DefinitionNode {

	static final int MAX_TEXT = 200;
	private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,62}");

	private final JsonNode node;
	private final String path;
	private final List<Problem> problems;

	DefinitionNode(JsonNode node, String path, List<Problem> problems) {
		this.node = node;
		this.path = path;
		this.problems = problems;
	}

	String path() {
		return path;
	}

	JsonNode raw() {
		return node;
	}

	boolean present() {
		return node != null && !node.isNull() && !node.isMissingNode();
	}

	void problem(String code, Object... arguments) {
		problems.add(Problem.of(path, code, arguments));
	}

	DefinitionNode get(String key) {
		JsonNode child = node != null && node.isObject() ? node.get(key) : null;
		return new DefinitionNode(child, path.isEmpty() ? key : path + "." + key, problems);
	}

	/** Reports keys outside the list: a typo such as {@code requried} would otherwise be silently ignored. */
	boolean object(Set<String> keys) {
		if (!present()) {
			return false;
		}
		if (!node.isObject()) {
			problem("type");
			return false;
		}
		node.propertyNames().stream().filter(k -> !keys.contains(k))
			.forEach(k -> problems.add(Problem.of(ProblemList.child(path, k).substring(path.isEmpty() ? 1 : 0), "unknown_field")));
		return true;
	}

	List<DefinitionNode> items(boolean required, int max) {
		if (!present()) {
			if (required) {
				problem("required");
			}
			return List.of();
		}
		if (!node.isArray()) {
			problem("type");
			return List.of();
		}
		if (node.size() > max) {
			problem("too_many", max);
			return List.of();
		}
		if (required && node.isEmpty()) {
			problem("required");
		}
		var items = new ArrayList<DefinitionNode>(node.size());
		for (int i = 0; i < node.size(); i++) {
			items.add(new DefinitionNode(node.get(i), path + "[" + i + "]", problems));
		}
		return items;
	}

	String text(boolean required) {
		if (!present() || node.isString() && node.asString().isBlank()) {
			if (required) {
				problem("required");
			}
			return null;
		}
		if (!node.isString()) {
			problem("type");
			return null;
		}
		String text = node.asString();
		if (text.length() > MAX_TEXT) {
			problem("too_long", MAX_TEXT);
			return null;
		}
		if (text.chars().anyMatch(c -> Character.isISOControl(c) || Character.isSurrogate((char) c))) {
			problem("control_characters");
			return null;
		}
		return text.strip();
	}

	/** An identifier: lower-case letters, digits and hyphens, starting with a letter, as {@code home-survey}. */
	String id(boolean required) {
		String text = text(required);
		if (text != null && !ID.matcher(text).matches()) {
			problem("format");
			return null;
		}
		return text;
	}

	boolean bool(boolean fallback) {
		if (!present()) {
			return fallback;
		}
		if (!node.isBoolean()) {
			problem("type");
			return fallback;
		}
		return node.booleanValue();
	}

	Integer integer(boolean required, Integer fallback, long min, long max) {
		Long value = number(required, min, max);
		return value == null ? fallback : Integer.valueOf(value.intValue());
	}

	Long number(boolean required, long min, long max) {
		if (!present()) {
			if (required) {
				problem("required");
			}
			return null;
		}
		if (!node.isIntegralNumber()) {
			problem("type");
			return null;
		}
		if (!node.canConvertToLong() || node.asLong() < min || node.asLong() > max) {
			problem("out_of_range", min, max);
			return null;
		}
		return node.asLong();
	}

	/** {@code {ja, en}}: Japanese is required, English falls back to it. */
	LocalizedText localized(boolean required) {
		if (!present()) {
			if (required) {
				problem("required");
			}
			return null;
		}
		if (!object(Set.of("ja", "en"))) {
			return null;
		}
		String ja = get("ja").text(true);
		String en = get("en").text(false);
		return ja == null ? null : new LocalizedText(ja, en);
	}
}
