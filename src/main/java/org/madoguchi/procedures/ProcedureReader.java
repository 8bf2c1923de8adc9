package org.madoguchi.procedures;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.madoguchi.platform.InvalidInput;
import org.madoguchi.platform.Problem;

import tools.jackson.databind.JsonNode;

/**
 * Turns a definition tree into a validated {@link Procedure}, or throws {@link InvalidInput} listing every
 * problem with its path in the definition ({@code workflow.transitions[3].to}, {@code form[2].type}).
 */
final class ProcedureReader {

	private static final Set<String> KEYS = Set.of("id", "name", "channels", "form", "rules", "attachments", "sla", "fees",
			"letters", "workflow", "deficiencyReasons");
	private static final int MAX_ITEMS = 100;
	private static final int MAX_PROBLEMS = 100;
	private static final long MAX_FEE = 1_000_000_000L;

	private final List<Problem> problems = new ArrayList<>();

	private ProcedureReader() {
	}

	static Procedure read(JsonNode tree, int version) {
		return new ProcedureReader().procedure(tree, version);
	}

	private Procedure procedure(JsonNode tree, int version) {
		var root = new DefinitionNode(tree, "", problems);
		root.object(KEYS);
		String id = root.get("id").id(true);
		LocalizedText name = root.get("name").localized(true);
		Set<Channel> channels = channels(root.get("channels"));
		var form = new FormReader(problems);
		List<Field> fields = form.read(root.get("form"));
		List<Rule> rules = new RuleReader(form.byPath(), problems).read(root.get("rules"));
		List<Letter> letters = unique(root.get("letters"), this::letter, Letter::id);
		Map<String, Letter> letterIds = new LinkedHashMap<>();
		letters.forEach(l -> letterIds.put(l.id(), l));
		List<Attachment> attachments = unique(root.get("attachments"), this::attachment, Attachment::id);
		List<DeficiencyReason> reasons = unique(root.get("deficiencyReasons"), this::reason, DeficiencyReason::code);
		List<Fee> fees = unique(root.get("fees"), n -> fee(n, form.byPath()), Fee::id);
		Workflow workflow = new WorkflowReader(letterIds, problems).read(root.get("workflow"));
		Sla sla = workflow == null ? null : new SlaReader(workflow, letterIds).read(root.get("sla"));
		if (workflow != null && reasons.isEmpty()
				&& workflow.transitions().stream().anyMatch(t -> t.kind() == TransitionKind.DEFICIENCY)) {
			root.get("deficiencyReasons").problem("required");
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems.size() > MAX_PROBLEMS ? problems.subList(0, MAX_PROBLEMS) : problems);
		}
		return new Procedure(id, version, name, channels, fields, rules, attachments, sla, fees, letters, workflow, reasons,
				tree);
	}

	private Set<Channel> channels(DefinitionNode list) {
		Set<Channel> channels = EnumSet.noneOf(Channel.class);
		for (var item : list.items(true, Channel.values().length)) {
			String text = item.text(true);
			var channel = text == null ? null : Terms.parse(Channel.class, text).orElse(null);
			if (text != null && channel == null) {
				item.problem("unknown_value", Terms.allowed(Channel.class));
			} else if (channel != null && !channels.add(channel)) {
				item.problem("duplicate");
			}
		}
		return channels;
	}

	private Letter letter(DefinitionNode node) {
		int before = start(node, "id", "type", "name");
		String id = node.get("id").id(true);
		String typeName = node.get("type").text(true);
		LetterType type = typeName == null ? null : Terms.parse(LetterType.class, typeName).orElse(null);
		if (typeName != null && type == null) {
			node.get("type").problem("unknown_value", Terms.allowed(LetterType.class));
		}
		LocalizedText name = node.get("name").localized(true);
		return problems.size() > before ? null : new Letter(id, type, name);
	}

	private Attachment attachment(DefinitionNode node) {
		int before = start(node, "id", "name", "required");
		String id = node.get("id").id(true);
		LocalizedText name = node.get("name").localized(true);
		boolean required = node.get("required").bool(false);
		return problems.size() > before ? null : new Attachment(id, name, required);
	}

	private DeficiencyReason reason(DefinitionNode node) {
		int before = start(node, "code", "name");
		String code = node.get("code").id(true);
		LocalizedText name = node.get("name").localized(true);
		return problems.size() > before ? null : new DeficiencyReason(code, name);
	}

	private Fee fee(DefinitionNode node, Map<String, Field> fields) {
		int before = start(node, "id", "name", "amount", "perField");
		String id = node.get("id").id(true);
		LocalizedText name = node.get("name").localized(true);
		Long amount = node.get("amount").number(true, 0, MAX_FEE);
		String perField = node.get("perField").text(false);
		if (perField != null) {
			Field field = fields.get(perField);
			if (field == null) {
				node.get("perField").problem("unknown_path");
			} else if (perField.contains("[]") || field.type() != FieldType.AMOUNT && field.type() != FieldType.GROUP) {
				node.get("perField").problem("not_a_count");
			}
		}
		return problems.size() > before ? null : new Fee(id, name, amount, perField);
	}

	/** Checks an item's keys; returns the problem count before it, to tell whether the item read cleanly. */
	private int start(DefinitionNode node, String... keys) {
		int before = problems.size();
		if (!node.object(Set.of(keys)) && !node.present()) {
			node.problem("required");
		}
		return before;
	}

	/** A list of items with unique ids; an item whose id repeats an earlier one is reported at its id. */
	private <T> List<T> unique(DefinitionNode list, Function<DefinitionNode, T> read, Function<T, String> id) {
		var items = new ArrayList<T>();
		var seen = new HashSet<String>();
		for (var node : list.items(false, MAX_ITEMS)) {
			if (!node.present() || !node.raw().isObject()) {
				start(node);
				continue;
			}
			T item = read.apply(node);
			if (item != null && !seen.add(id.apply(item))) {
				node.get(node.raw().has("code") ? "code" : "id").problem("duplicate");
			} else if (item != null) {
				items.add(item);
			}
		}
		return items;
	}
}
