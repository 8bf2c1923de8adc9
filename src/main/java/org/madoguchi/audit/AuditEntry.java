package org.madoguchi.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One recorded entry. {@code id} is its number in the municipality's chain (1, 2, 3 … without gaps),
 * which is also how the API and auditors refer to it.
 */
public record AuditEntry(long id, Instant at, String actor, String action, String subjectType, String subjectId,
		String reason, Map<String, String> details) {
}
