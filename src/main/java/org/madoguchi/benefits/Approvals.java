package org.madoguchi.benefits;

import org.madoguchi.audit.AuditEvent;
import org.madoguchi.audit.AuditTrail;
import org.madoguchi.platform.Caller;
import org.madoguchi.platform.Conflict;
import org.madoguchi.platform.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The city's decision on checked applications, taken in bulk by a municipal official: the operator prepares,
 * the city decides. The official sees the count and total first, and may pass them back so that what is
 * approved is exactly what was seen.
 */
@Service
public class Approvals {

	private final JdbcClient db;
	private final BenefitProgrammes programmes;
	private final AuditTrail audit;
	private final ProgrammeRows rows;

	Approvals(JdbcClient db, BenefitProgrammes programmes, AuditTrail audit, ProgrammeRows rows) {
		this.db = db;
		this.rows = rows;
		this.programmes = programmes;
		this.audit = audit;
	}

	public record Batch(long count, long total) {
	}

	/** What approving now would cover. */
	public Batch pending(String municipality, String programmeId) {
		programmes.get(municipality, programmeId);
		return db.sql("""
				select count(*), coalesce(sum(amount), 0) from benefit_application
				where tenant_id = ? and programme_id = ? and status = 'checked'
				""").params(municipality, programmeId).query((row, n) -> new Batch(row.getLong(1), row.getLong(2))).single();
	}

	/**
	 * Approves every checked application. With {@code expected} given, refuses (409) when the applications
	 * waiting are no longer the count and total the official saw.
	 */
	@Transactional
	public Batch approveAll(String municipality, String programmeId, Batch expected) {
		var caller = Caller.current().orElseThrow();
		if (!caller.hasRole(Role.MUNICIPAL_OFFICIAL.name())) {
			throw new Conflict(403, "role", "decision_reserved_to_city");
		}
		programmes.get(municipality, programmeId);
		rows.lockProgramme(municipality, programmeId);
		if (expected != null && !expected.equals(pending(municipality, programmeId))) {
			throw new Conflict(409, "expected", "approval_changed");
		}
		var approved = db.sql("""
				with approved as (
				    update benefit_application set status = 'approved', approved_by = ?, approved_at = now(), updated_at = now()
				    where tenant_id = ? and programme_id = ? and status = 'checked'
				    returning amount
				)
				select count(*), coalesce(sum(amount), 0) from approved
				""").params(caller.username(), municipality, programmeId).query((row, n) -> new Batch(row.getLong(1), row.getLong(2)))
			.single();
		audit.record(AuditEvent.of(municipality, "benefit.applications.approved", "benefit-programme", programmeId)
			.with("count", Long.toString(approved.count())).with("total", Long.toString(approved.total())));
		return approved;
	}
}
