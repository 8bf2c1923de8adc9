package org.madoguchi.casework;

import java.util.List;
import java.util.Map;

import org.madoguchi.audit.AuditEvent;
import org.madoguchi.audit.AuditTrail;
import org.madoguchi.platform.Caller;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a case's history and its audit entry together: the timeline is what staff read, the audit
 * trail is the tamper-evident record of the same facts. Callers hold the case row lock, which also
 * serialises the sequence numbers.
 */
@Component
class CaseTimeline {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private final JdbcClient db;
	private final AuditTrail audit;

	CaseTimeline(JdbcClient db, AuditTrail audit) {
		this.db = db;
		this.audit = audit;
	}

	void append(String municipality, String caseNumber, String kind, String from, String to, String reason,
			Map<String, String> details) {
		String actor = Caller.current().map(Caller::username).orElse("system");
		db.sql("""
				insert into case_event (tenant_id, case_number, seq, actor, kind, from_state, to_state, reason, details)
				select ?, ?, coalesce(max(seq), 0) + 1, ?, ?, ?, ?, ?, ?::jsonb
				from case_event where tenant_id = ? and case_number = ?
				""").params(municipality, caseNumber, actor, kind, from, to, reason, JSON.writeValueAsString(details), municipality,
				caseNumber).update();
		var event = new java.util.HashMap<>(details);
		if (from != null) {
			event.put("from", from);
		}
		if (to != null) {
			event.put("to", to);
		}
		audit.record(new AuditEvent(municipality, "case." + kind, "case", caseNumber, reason, event));
	}

	List<TimelineEntry> of(String municipality, String caseNumber) {
		return db.sql("""
				select seq, at, actor, kind, from_state, to_state, reason, details::text as details
				from case_event where tenant_id = ? and case_number = ? order by seq
				""").params(municipality, caseNumber).query(TimelineEntry.class).list();
	}
}
