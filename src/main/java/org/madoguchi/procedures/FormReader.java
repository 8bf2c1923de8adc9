package org.madoguchi.procedures;

import static org.madoguchi.procedures.FieldType.CHOICE;
import static org.madoguchi.procedures.FieldType.GROUP;
import static org.madoguchi.procedures.FieldType.KANA;
import static org.madoguchi.procedures.FieldType.TEXT;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.madoguchi.platform.Problem;

/** Reads the {@code form} of a definition: field types, paths that do not collide, per-type settings. */
final class FormReader {

	static final int DEFAULT_MAX_LENGTH = 200;
	static final int HARD_MAX_LENGTH = 2000;
	static final int DEFAULT_MAX_ITEMS = 50;
	static final int HARD_MAX_ITEMS = 1000;
	private static final int MAX_FIELDS = 500;
	private static final int MAX_GROUP_DEPTH = 3;
	private static final int MAX_OPTIONS = 200;
	private static final Pattern PATH = Pattern.compile("[a-zA-Z][a-zA-Z0-9]{0,39}(\\.[a-zA-Z][a-zA-Z0-9]{0,39}){0,4}");
	private static final Set<String> KEYS = Set.of("path", "type", "required", "label", "maxLength", "multiline", "options",
			"fields", "minItems", "maxItems");

	private final List<Problem> problems;
	/** Flat paths ({@code members[].birthDate}) of the fields read so far, for rules and fees to refer to. */
	private final Map<String, Field> byPath = new LinkedHashMap<>();
	/** Whether a flat path is an object level (true) or holds a value (false), so that paths cannot collide. */
	private final Map<String, Boolean> taken = new HashMap<>();
	private int count;

	FormReader(List<Problem> problems) {
		this.problems = problems;
	}

	List<Field> read(DefinitionNode form) {
		return fields(form, "", 0);
	}

	Map<String, Field> byPath() {
		return byPath;
	}

	private List<Field> fields(DefinitionNode list, String prefix, int depth) {
		var fields = new ArrayList<Field>();
		for (var item : list.items(true, MAX_FIELDS)) {
			if (++count > MAX_FIELDS) {
				item.problem("too_many", MAX_FIELDS);
				break;
			}
			Field field = field(item, prefix, depth);
			if (field != null) {
				fields.add(field);
			}
		}
		return fields;
	}

	private Field field(DefinitionNode node, String prefix, int depth) {
		int before = problems.size();
		if (!node.object(KEYS)) {
			if (!node.present()) {
				node.problem("required");
			}
			return null;
		}
		String path = node.get("path").text(true);
		if (path != null && !PATH.matcher(path).matches()) {
			node.get("path").problem("format");
		} else if (path != null && !claim(prefix, path)) {
			node.get("path").problem("duplicate");
		}
		String typeName = node.get("type").text(true);
		FieldType type = typeName == null ? null : Terms.parse(FieldType.class, typeName).orElse(null);
		if (typeName != null && type == null) {
			node.get("type").problem("unknown_value", Terms.allowed(FieldType.class));
		}
		boolean required = node.get("required").bool(false);
		LocalizedText label = node.get("label").localized(true);
		if (type == null) {
			return null;
		}
		onlyFor(node, type, "maxLength", EnumSet.of(TEXT, KANA));
		onlyFor(node, type, "multiline", EnumSet.of(TEXT));
		onlyFor(node, type, "options", EnumSet.of(CHOICE));
		onlyFor(node, type, "fields", EnumSet.of(GROUP));
		onlyFor(node, type, "minItems", EnumSet.of(GROUP));
		onlyFor(node, type, "maxItems", EnumSet.of(GROUP));
		Integer maxLength = type == TEXT || type == KANA
				? node.get("maxLength").integer(false, DEFAULT_MAX_LENGTH, 1, HARD_MAX_LENGTH) : null;
		boolean multiline = type == TEXT && node.get("multiline").bool(false);
		List<Field.Option> options = type == CHOICE ? options(node.get("options")) : List.of();
		List<Field> children = List.of();
		Integer minItems = null;
		Integer maxItems = null;
		if (type == GROUP) {
			if (depth + 1 > MAX_GROUP_DEPTH) {
				node.get("fields").problem("out_of_range", 1, MAX_GROUP_DEPTH);
			} else if (path != null) {
				children = fields(node.get("fields"), prefix + path + "[].", depth + 1);
			}
			minItems = node.get("minItems").integer(false, required ? 1 : 0, 0, HARD_MAX_ITEMS);
			maxItems = node.get("maxItems").integer(false, DEFAULT_MAX_ITEMS, 1, HARD_MAX_ITEMS);
			if (minItems > maxItems) {
				node.get("minItems").problem("out_of_range", 0, maxItems);
			}
		}
		if (problems.size() > before) {
			return null;
		}
		var field = new Field(path, type, required, label, maxLength, multiline, options, children, minItems, maxItems);
		byPath.put(prefix + path, field);
		return field;
	}

	private List<Field.Option> options(DefinitionNode list) {
		var options = new ArrayList<Field.Option>();
		var values = new HashSet<String>();
		for (var item : list.items(true, MAX_OPTIONS)) {
			Field.Option option;
			if (item.raw() != null && item.raw().isObject()) {
				item.object(Set.of("value", "label"));
				String value = item.get("value").text(true);
				LocalizedText label = item.get("label").localized(false);
				option = value == null ? null : new Field.Option(value, label == null ? new LocalizedText(value, null) : label);
			} else {
				String value = item.text(true);
				option = value == null ? null : new Field.Option(value, new LocalizedText(value, null));
			}
			if (option != null && !values.add(option.value())) {
				item.problem("duplicate");
			} else if (option != null) {
				options.add(option);
			}
		}
		return options;
	}

	private static void onlyFor(DefinitionNode node, FieldType type, String key, Set<FieldType> types) {
		if (!types.contains(type) && node.get(key).present()) {
			node.get(key).problem("not_allowed", type.wire());
		}
	}

	/** Takes a path's place: {@code applicant.name} makes {@code applicant} an object level and itself a value. */
	private boolean claim(String prefix, String path) {
		String[] segments = path.split("\\.");
		String key = prefix;
		for (int i = 0; i < segments.length - 1; i++) {
			key = key + segments[i];
			if (Boolean.FALSE.equals(taken.get(key))) {
				return false;
			}
			taken.put(key, true);
			key = key + ".";
		}
		return taken.putIfAbsent(prefix + path, false) == null;
	}
}
