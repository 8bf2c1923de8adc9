package org.madoguchi.procedures;

import tools.jackson.databind.JsonNode;

/**
 * A fee in yen. With {@code perField} the amount is charged per unit of that field: per copy when it names an
 * amount field such as {@code copies}, per item when it names a group.
 */
public record Fee(String id, LocalizedText name, long amount, String perField) {

	/** The fee for given (valid, normalised) case data; a missing per-field value counts as zero units. */
	public long total(JsonNode data) {
		if (perField == null) {
			return amount;
		}
		JsonNode units = DataPath.at(data, perField);
		long count = units == null ? 0 : units.isArray() ? units.size() : units.isIntegralNumber() ? units.asLong() : 0;
		return Math.multiplyExact(amount, count);
	}
}
