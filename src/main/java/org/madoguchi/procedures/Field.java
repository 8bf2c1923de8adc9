package org.madoguchi.procedures;

import java.util.List;

/**
 * A form field as defined. {@code path} is dotted and relative to the enclosing group's item, if any;
 * {@code maxLength} is set for text and kana, {@code options} for choice, {@code fields},
 * {@code minItems} and {@code maxItems} for group; the others are null (or empty).
 */
public record Field(String path, FieldType type, boolean required, LocalizedText label, Integer maxLength,
		boolean multiline, List<Option> options, List<Field> fields, Integer minItems, Integer maxItems) {

	public Field {
		options = options == null ? List.of() : List.copyOf(options);
		fields = fields == null ? List.of() : List.copyOf(fields);
	}

	/** A value of a choice field; the value is what case data carries, the label what people read. */
	public record Option(String value, LocalizedText label) {
	}

	public boolean allows(String option) {
		return options.stream().anyMatch(o -> o.value().equals(option));
	}
}
