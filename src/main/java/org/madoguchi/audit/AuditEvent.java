package org.madoguchi.audit;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Something worth an audit entry: what was done ({@code action}, e.g. {@code case.decided}), to what
 * ({@code subjectType}/{@code subjectId}, both optional), why ({@code reason}, optional) and any facts an
 * auditor needs later ({@code details}). The actor and the time are added when it is recorded.
 *
 * <p>Text is checked here rather than by the database: PostgreSQL cannot store NUL characters and the
 * driver would silently replace unpaired surrogates, so the stored entry would no longer match its hash.
 */
public record AuditEvent(String municipality, String action, String subjectType, String subjectId, String reason,
		Map<String, String> details) {

	public AuditEvent {
		if (municipality == null || !municipality.matches("\\d{6}")) {
			throw new IllegalArgumentException("an audit event needs a 6-digit municipality code");
		}
		if (action == null || action.isBlank()) {
			throw new IllegalArgumentException("an audit event needs an action");
		}
		storable("action", action);
		storable("subjectType", subjectType);
		storable("subjectId", subjectId);
		storable("reason", reason);
		var sorted = new TreeMap<String, String>();
		if (details != null) {
			details.forEach((key, value) -> {
				if (key == null || value == null) {
					throw new IllegalArgumentException("audit details need non-null keys and values");
				}
				sorted.put(storable("details key", key), storable("details." + key, value));
			});
		}
		details = Collections.unmodifiableSortedMap(sorted);
	}

	/** An action on a subject, e.g. {@code AuditEvent.of("281000", "case.decided", "case", "C-1")}. */
	public static AuditEvent of(String municipality, String action, String subjectType, String subjectId) {
		return new AuditEvent(municipality, action, subjectType, subjectId, null, Map.of());
	}

	/** An action without a particular subject, such as a bulk export. */
	public static AuditEvent of(String municipality, String action) {
		return of(municipality, action, null, null);
	}

	public AuditEvent because(String reason) {
		return new AuditEvent(municipality, action, subjectType, subjectId, reason, details);
	}

	public AuditEvent with(String key, String value) {
		var more = new TreeMap<>(details);
		more.put(key, value);
		return new AuditEvent(municipality, action, subjectType, subjectId, reason, more);
	}

	private static String storable(String field, String text) {
		if (text != null && text.codePoints().anyMatch(c -> c == 0 || Character.isSurrogate((char) c))) {
			throw new IllegalArgumentException("audit " + field + " contains a character the database cannot store");
		}
		return text;
	}
}
