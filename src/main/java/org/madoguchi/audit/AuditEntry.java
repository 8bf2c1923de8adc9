package org.madoguchi.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One recorded entry. {@code id} is its number in the municipality's chain (1, 2, 3 … without gaps),
 * which is also how the API and auditors refer to it. It is null for the moment between the commit of
 * the change and the entry's chaining, which readers of the log see only inside their own transaction.
 */
public record AuditEntry(Long id, Instant at, String actor, String action, String subjectType, String subjectId,
		String reason, Map<String, String> details) {
}
