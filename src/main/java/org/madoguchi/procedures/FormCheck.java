package org.madoguchi.procedures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Walks case data along the form: required fields, unknown fields, JSON types, groups; then the rules. */
final class FormCheck {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	sealed interface Slot {
	}

	record Leaf(Field field) implements Slot {
	}

	record Group(Field field, Shape items) implements Slot {
	}

	record Nested(Shape shape) implements Slot {
	}

	/** How dotted paths nest in case data: {@code applicant.name} lives in the object {@code applicant}. */
	record Shape(Map<String, Slot> slots) {

		static Shape of(List<Field> fields) {
			Map<String, Slot> slots = new LinkedHashMap<>();
			Map<String, List<Field>> nested = new LinkedHashMap<>();
			for (Field field : fields) {
				int dot = field.path().indexOf('.');
				if (dot < 0) {
					slots.put(field.path(), field.type() == FieldType.GROUP ? new Group(field, of(field.fields())) : new Leaf(field));
				} else {
					String head = field.path().substring(0, dot);
					slots.putIfAbsent(head, null); // holds the place where the form first mentions it
					nested.computeIfAbsent(head, k -> new ArrayList<>()).add(new Field(field.path().substring(dot + 1),
							field.type(), field.required(), field.label(), field.maxLength(), field.multiline(), field.options(),
							field.fields(), field.minItems(), field.maxItems()));
				}
			}
			nested.forEach((head, members) -> slots.put(head, new Nested(of(members))));
			return new Shape(Collections.unmodifiableMap(slots));
		}
	}

	private final ProblemList problems = new ProblemList();

	private FormCheck() {
	}

	static CheckedData check(Shape shape, List<Rule> rules, Map<String, Field> fields, JsonNode data, LocalDate applicationDate) {
		var check = new FormCheck();
		ObjectNode out = NODES.objectNode();
		if (data == null || !data.isObject()) {
			check.problems.add("data", "type");
		} else {
			check.object(shape, data, "data", out);
			new RuleCheck(fields, applicationDate, check.problems).run(rules, out);
		}
		return new CheckedData(check.problems.list(), out);
	}

	private void object(Shape shape, JsonNode data, String path, ObjectNode out) {
		if (data != null) {
			for (String name : data.propertyNames()) {
				if (!shape.slots().containsKey(name)) {
					problems.add(ProblemList.child(path, name), "unknown_field");
				}
			}
		}
		shape.slots().forEach((name, slot) -> {
			String at = path + "." + name;
			JsonNode value = data == null ? null : data.get(name);
			switch (slot) {
				case Leaf leaf -> leaf(leaf.field(), value, at, out, name);
				case Group group -> group(group, value, at, out, name);
				case Nested nested -> nested(nested.shape(), value, at, out, name);
			}
		});
	}

	private void leaf(Field field, JsonNode value, String at, ObjectNode out, String name) {
		if (!DataPath.given(value)) {
			if (field.required()) {
				problems.add(at, "required");
			}
			return;
		}
		JsonNode normalised = ValueCheck.check(field, value, at, problems);
		if (normalised != null) {
			out.set(name, normalised);
		}
	}

	private void nested(Shape shape, JsonNode value, String at, ObjectNode out, String name) {
		if (DataPath.given(value) && !value.isObject()) {
			problems.add(at, "type");
			return;
		}
		ObjectNode child = NODES.objectNode();
		object(shape, DataPath.given(value) ? value : null, at, child);
		if (!child.isEmpty()) {
			out.set(name, child);
		}
	}

	private void group(Group group, JsonNode value, String at, ObjectNode out, String name) {
		Field field = group.field();
		if (!DataPath.given(value)) {
			if (field.required()) {
				problems.add(at, "required");
			}
			return;
		}
		if (!value.isArray()) {
			problems.add(at, "type");
			return;
		}
		if (value.size() > field.maxItems()) {
			// refused on its size alone, before walking what could be a million items
			problems.add(at, "too_many", field.maxItems());
			return;
		}
		if (value.size() < field.minItems()) {
			problems.add(at, "too_few", field.minItems());
		}
		ArrayNode items = NODES.arrayNode();
		for (int i = 0; i < value.size(); i++) {
			JsonNode item = value.get(i);
			String itemPath = at + "[" + i + "]";
			ObjectNode itemOut = NODES.objectNode();
			if (item == null || !item.isObject()) {
				problems.add(itemPath, "type");
			} else {
				object(group.items(), item, itemPath, itemOut);
			}
			items.add(itemOut);
		}
		out.set(name, items);
	}
}
