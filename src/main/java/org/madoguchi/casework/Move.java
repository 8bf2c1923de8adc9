package org.madoguchi.casework;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * A request to move a case: the transition, and what it needs — keyed or corrected data, the checker's
 * decisions on disagreeing fields, the deficiencies found, or a reason.
 */
public record Move(String transition, JsonNode data, String reason, List<Deficiency> deficiencies) {

	public static final String RESOLVE_KEYING = "resolve-keying";

	public record Deficiency(String path, String reason) {
	}
}
