package org.madoguchi.benefits;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.madoguchi.audit.AuditEvent;
import org.madoguchi.audit.AuditTrail;
import org.madoguchi.platform.Conflict;
import org.madoguchi.platform.InvalidInput;
import org.madoguchi.platform.NotFound;
import org.madoguchi.platform.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's decision on an application held as a suspected duplicate: refuse it, or let it replace the
 * household's live application when that one is the mistake (a form from the wrong household, an online
 * attempt by someone else). Replacing is possible only while nothing has been approved or paid: the database
 * still allows one live application per household, and this never makes a second.
 */
@Service
public class SuspectedDuplicates {

	private final JdbcClient db;
	private final AuditTrail audit;
	private final ApplicationCases cases;

	SuspectedDuplicates(JdbcClient db, AuditTrail audit, ApplicationCases cases) {
		this.db = db;
		this.audit = audit;
		this.cases = cases;
	}

	public record Held(long id, String applicationNumber, String channel, LocalDate receivedOn, String liveStatus) {
	}

	/** Held applications, oldest first, as many as asked for, the count of all and where the next ones begin. */
	public record HeldPage(long total, List<Held> items, Optional<ApplicationCursor> next) {

		public HeldPage {
			items = List.copyOf(items);
		}
	}

	/** The held applications after {@code after} (from the start when null), in the order of the duplicates page. */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public HeldPage held(String municipality, String programmeId, ApplicationCursor after, int size) {
		var params = new ArrayList<Object>(List.of(municipality, programmeId));
		if (after != null) {
			params.addAll(List.of(after.receivedOn(), after.id()));
		}
		params.add(size + 1);
		var rows = db.sql("""
				select d.id, d.application_number, d.channel, d.received_on, l.status as live_status
				from benefit_application d
				left join benefit_application l on l.tenant_id = d.tenant_id and l.programme_id = d.programme_id
				    and l.household_id = d.household_id and l.status not in ('duplicate', 'rejected')
				where d.tenant_id = ? and d.programme_id = ? and d.status = 'duplicate'
				""" + (after == null ? "" : " and (d.received_on, d.id) > (?, ?)") + " order by d.received_on, d.id limit ?")
			.params(params).query(Held.class).list();
		long total = db.sql("select count(*) from benefit_application where tenant_id = ? and programme_id = ? and status = 'duplicate'")
			.params(municipality, programmeId).query(Long.class).single();
		if (rows.size() <= size) {
			return new HeldPage(total, rows, Optional.empty());
		}
		var last = rows.get(size - 1);
		return new HeldPage(total, rows.subList(0, size), Optional.of(new ApplicationCursor(last.receivedOn(), last.id())));
	}

	/** {@code reject} or {@code replace}; answers the held application's status afterwards. */
	@Transactional
	public String decide(String municipality, String programmeId, long id, String decision, String reason) {
		BenefitRoles.require(Role.OPERATOR_CHECKER, Role.OPERATOR_SUPERVISOR);
		if (reason == null || reason.isBlank()) {
			throw new InvalidInput("reason", "required");
		}
		record Duplicate(String householdId, String applicationNumber) {
		}
		var held = db.sql("""
				select household_id, application_number from benefit_application
				where tenant_id = ? and programme_id = ? and id = ? and status = 'duplicate' for update
				""").params(municipality, programmeId, id).query(Duplicate.class).optional().orElseThrow(() -> new NotFound("id"));
		String outcome = switch (decision == null ? "" : decision) {
			case "reject" -> {
				setStatus(municipality, id, "rejected");
				cases.follow(municipality, id, "rejected", "refused", reason, "duplicate-refused");
				yield "rejected";
			}
			case "replace" -> {
				var replacedIds = db.sql("""
						update benefit_application set status = 'rejected', updated_at = now()
						where tenant_id = ? and programme_id = ? and household_id = ?
						  and status in ('checking', 'correction-needed', 'checked', 'declined')
						returning id
						""").params(municipality, programmeId, held.householdId()).query(Long.class).list();
				int replaced = replacedIds.size();
				boolean live = db.sql("""
						select exists (select 1 from benefit_application where tenant_id = ? and programme_id = ? and household_id = ?
						    and status not in ('duplicate', 'rejected'))
						""").params(municipality, programmeId, held.householdId()).query(Boolean.class).single();
				if (replaced == 0 && live) {
					throw new Conflict(409, "decision", "already_approved");
				}
				// the held application is checked again by hand: it never passed the automatic checks as the live one
				setStatus(municipality, id, "checking");
				replacedIds.forEach(r -> cases.follow(municipality, r, "rejected", "superseded", reason, "replaced-by-duplicate"));
				cases.follow(municipality, id, "checking", "manual-check", reason, "replaces-earlier");
				yield "checking";
			}
			default -> throw new InvalidInput("decision", "unknown_option");
		};
		audit.record(AuditEvent.of(municipality, "benefit.duplicate.decided", "benefit-application", held.applicationNumber())
			.because(reason).with("decision", decision).with("id", Long.toString(id)));
		return outcome;
	}

	private void setStatus(String municipality, long id, String status) {
		db.sql("update benefit_application set status = ?, updated_at = now() where tenant_id = ? and id = ?")
			.params(status, municipality, id).update();
	}
}
