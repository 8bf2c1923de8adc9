package org.madoguchi.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** How entries are written to and read from {@code audit_entry}, shared by the trail and the log. */
final class AuditRows {

	/** Columns in the order {@link #entry(ResultSet)} reads them. */
	static final String COLUMNS = "seq, at, actor, action, subject_type, subject_id, reason, details::text";

	/** The same columns with the row's own key first, for entries not yet chained. */
	static final String PENDING_COLUMNS = "id, at, actor, action, subject_type, subject_id, reason, details::text";

	static final String UNREADABLE = "(unreadable)";
	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final TypeReference<Map<String, String>> DETAILS = new TypeReference<>() {
	};

	private AuditRows() {
	}

	static AuditEntry entry(ResultSet row) throws SQLException {
		return new AuditEntry(row.getObject(1, Long.class), row.getObject(2, OffsetDateTime.class).toInstant(),
				row.getString(3), row.getString(4), row.getString(5), row.getString(6), row.getString(7),
				details(row.getString(8)));
	}

	static Pending pending(ResultSet row) throws SQLException {
		return new Pending(row.getLong(1), entry(row));
	}

	/** A committed entry waiting for its chain number, as read by {@link #PENDING_COLUMNS}. */
	record Pending(long rowId, AuditEntry entry) {

		AuditEntry numbered(long seq) {
			return new AuditEntry(seq, entry.at(), entry.actor(), entry.action(), entry.subjectType(),
					entry.subjectId(), entry.reason(), entry.details());
		}
	}

	static OffsetDateTime timestamp(Instant at) {
		return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
	}

	static String json(Map<String, String> details) {
		return JSON.writeValueAsString(details);
	}

	/**
	 * Details altered into something other than a flat object of texts still come back, as the raw text
	 * under {@value #UNREADABLE}: the auditor sees what was done, and the entry's hash no longer matches.
	 */
	private static Map<String, String> details(String json) {
		if (json == null) {
			return Map.of();
		}
		try {
			return Collections.unmodifiableSortedMap(new TreeMap<>(JSON.readValue(json, DETAILS)));
		} catch (JacksonException unreadable) {
			return Map.of(UNREADABLE, json);
		}
	}
}
