package org.madoguchi.procedures;

import java.util.List;

/**
 * One entry of the flat field list: {@code path} as used in case data, with {@code []} for the items of a
 * group ({@code members[].birthDate}). {@code maxLength} is set for text and kana, {@code options} for choice,
 * {@code minItems}/{@code maxItems} for group; otherwise null.
 */
public record FormField(String path, FieldType type, boolean required, LocalizedText label, Integer maxLength,
		List<String> options, Integer minItems, Integer maxItems) {
}
