package org.madoguchi.procedures;

import tools.jackson.databind.JsonNode;

/** Finds a value in case data by a concrete path such as {@code applicant.birthDate} or {@code members[1].name}. */
final class DataPath {

	private DataPath() {
	}

	/** The value at the path, or null when any step is missing, null or of another shape. */
	static JsonNode at(JsonNode data, String path) {
		JsonNode node = data;
		for (String segment : path.split("\\.")) {
			if (node == null || !node.isObject()) {
				return null;
			}
			int bracket = segment.indexOf('[');
			if (bracket < 0) {
				node = node.get(segment);
				continue;
			}
			node = node.get(segment.substring(0, bracket));
			int index;
			try {
				index = Integer.parseInt(segment.substring(bracket + 1, segment.length() - 1));
			} catch (NumberFormatException e) {
				return null;
			}
			node = node != null && node.isArray() && index >= 0 && index < node.size() ? node.get(index) : null;
		}
		return node == null || node.isNull() || node.isMissingNode() ? null : node;
	}

	/** Whether a value counts as given: null, a missing node and blank text do not. */
	static boolean given(JsonNode value) {
		return value != null && !value.isNull() && !value.isMissingNode() && !(value.isString() && value.asString().isBlank());
	}
}
