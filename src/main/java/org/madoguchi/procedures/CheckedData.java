package org.madoguchi.procedures;

import java.util.List;

import org.madoguchi.platform.Problem;

import tools.jackson.databind.node.ObjectNode;

/**
 * Case data checked against a procedure: every problem (paths start with {@code data.}) and the normalised
 * copy of the valid parts (katakana readings, seven-digit postal codes, padded account numbers …).
 */
public record CheckedData(List<Problem> problems, ObjectNode data) {

	public CheckedData {
		problems = List.copyOf(problems);
	}

	public boolean valid() {
		return problems.isEmpty();
	}
}
