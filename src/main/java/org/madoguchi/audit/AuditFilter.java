package org.madoguchi.audit;

import java.time.Instant;

/**
 * Which entries an auditor wants to see; every part is optional. The period is half-open,
 * {@code from <= at < to}, so consecutive periods neither overlap nor leave a gap.
 */
public record AuditFilter(Instant from, Instant to, String actor, String action, String subjectType, String subjectId) {

	public AuditFilter {
		if (from != null && to != null && to.isBefore(from)) {
			throw new IllegalArgumentException("the period ends before it starts");
		}
		actor = blankToNull(actor);
		action = blankToNull(action);
		subjectType = blankToNull(subjectType);
		subjectId = blankToNull(subjectId);
	}

	public static AuditFilter none() {
		return new AuditFilter(null, null, null, null, null, null);
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}
}
