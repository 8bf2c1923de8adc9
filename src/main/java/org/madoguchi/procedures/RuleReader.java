package org.madoguchi.procedures;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.madoguchi.platform.Problem;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** Reads the cross-field {@code rules}; every path they name must be a field of the form. */
final class RuleReader {

	private static final int MAX_RULES = 200;
	private static final Set<String> KEYS = Set.of("rule", "field", "years", "below", "on", "notAfter", "when");
	private static final String KINDS = "min-age, required-if, date-not-after";

	private final Map<String, Field> fields;
	private final List<Problem> problems;

	RuleReader(Map<String, Field> fields, List<Problem> problems) {
		this.fields = fields;
		this.problems = problems;
	}

	List<Rule> read(DefinitionNode list) {
		var rules = new ArrayList<Rule>();
		for (var item : list.items(false, MAX_RULES)) {
			int before = problems.size();
			Rule rule = rule(item);
			if (rule != null && problems.size() == before) {
				rules.add(rule);
			}
		}
		return rules;
	}

	private Rule rule(DefinitionNode node) {
		if (!node.object(KEYS)) {
			if (!node.present()) {
				node.problem("required");
			}
			return null;
		}
		String kind = node.get("rule").text(true);
		String field = reference(node.get("field"), true, null);
		Rule.Condition when = condition(node.get("when"), field);
		if (kind == null) {
			return null;
		}
		switch (kind) {
			case "min-age" -> {
				notAllowed(node, kind, "notAfter");
				date(node.get("field"), field);
				Integer years = node.get("years").integer(true, null, 0, 150);
				Integer below = node.get("below").integer(false, null, 1, 150);
				if (years != null && below != null && below <= years) {
					node.get("below").problem("out_of_range", years + 1, 150);
				}
				String on = date(node.get("on"), reference(node.get("on"), false, field));
				return years == null ? null : new Rule.MinAge(field, years, below, on, when);
			}
			case "required-if" -> {
				notAllowed(node, kind, "years", "below", "on", "notAfter");
				if (!node.get("when").present()) {
					node.get("when").problem("required");
				}
				return new Rule.RequiredIf(field, when);
			}
			case "date-not-after" -> {
				notAllowed(node, kind, "years", "below", "on");
				date(node.get("field"), field);
				String notAfter = date(node.get("notAfter"), reference(node.get("notAfter"), false, field));
				return new Rule.DateNotAfter(field, notAfter, when);
			}
			default -> {
				node.get("rule").problem("unknown_value", KINDS);
				return null;
			}
		}
	}

	private Rule.Condition condition(DefinitionNode node, String ruleField) {
		if (!node.object(Set.of("field", "equals"))) {
			return null;
		}
		String field = reference(node.get("field"), true, ruleField);
		JsonNode equals = node.get("equals").raw();
		if (equals == null || equals.isNull()) {
			return field == null ? null : new Rule.Condition(field, null);
		}
		if (equals.isString()) {
			String text = node.get("equals").text(true);
			Field target = field == null ? null : fields.get(field);
			if (text != null && target != null && target.type() == FieldType.CHOICE && !target.allows(text)) {
				node.get("equals").problem("unknown_option");
			}
			equals = JsonNodeFactory.instance.stringNode(text);
		} else if (equals.isIntegralNumber() && equals.canConvertToLong()) {
			// case data carries amounts as longs, and Jackson's int and long nodes never compare equal
			equals = JsonNodeFactory.instance.numberNode(equals.asLong());
		} else if (!equals.isBoolean()) {
			node.get("equals").problem("type");
			return null;
		}
		return field == null ? null : new Rule.Condition(field, equals);
	}

	/**
	 * A field path named by a rule. Inside a group the rule runs per item, so a second path may only be in
	 * the same group or outside any group; groups within groups are beyond what rules can address.
	 */
	private String reference(DefinitionNode node, boolean required, String relativeTo) {
		String path = node.text(required);
		if (path == null) {
			return null;
		}
		if (!fields.containsKey(path)) {
			node.problem("unknown_path");
			return null;
		}
		int groups = path.split("\\[]", -1).length - 1;
		if (groups > 1 || groups == 1 && relativeTo != null && !group(path).equals(group(relativeTo))) {
			node.problem("group_mismatch");
			return null;
		}
		return path;
	}

	private String date(DefinitionNode node, String path) {
		if (path != null && !fields.get(path).type().isDate()) {
			node.problem("not_a_date");
			return null;
		}
		return path;
	}

	static String group(String path) {
		int at = path.indexOf("[]");
		return at < 0 ? "" : path.substring(0, at);
	}

	private static void notAllowed(DefinitionNode node, String kind, String... keys) {
		for (String key : keys) {
			if (node.get(key).present()) {
				node.get(key).problem("not_allowed", kind);
			}
		}
	}
}
