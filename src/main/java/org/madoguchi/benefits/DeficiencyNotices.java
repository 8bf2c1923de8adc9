package org.madoguchi.benefits;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.madoguchi.audit.AuditEvent;
import org.madoguchi.audit.AuditTrail;
import org.madoguchi.platform.Caller;
import org.madoguchi.platform.InvalidInput;
import org.madoguchi.platform.NotFound;
import org.madoguchi.platform.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notices asking residents to act (補正のお願い): for a mass benefit, thousands of deficiencies a day are
 * printed and mailed by the vendor from one file rather than rendered as a PDF each. A batch takes every
 * application waiting on its resident (correction-needed, or a transfer the bank returned) that has changed
 * since it was last noticed, and freezes what the notice says; the portal's status look-up and the online
 * correction are where the resident answers. Making a batch and reading its rows are audited, each as one entry.
 */
@Service
public class DeficiencyNotices {

	public record Batch(long id, String programmeId, OffsetDateTime createdAt, String createdBy, int count) {
	}

	/** One notice: where it goes, and what the resident is asked to put right. */
	public record Notice(String applicationNumber, String householdId, String headName, String postalCode, String address,
			String status, List<ApplicationRecords.Problem> problems) {
	}

	private final JdbcClient db;
	private final JdbcTemplate streaming;
	private final BenefitProgrammes programmes;
	private final ProgrammeRows rows;
	private final AuditTrail audit;

	DeficiencyNotices(JdbcClient db, DataSource dataSource, BenefitProgrammes programmes, ProgrammeRows rows, AuditTrail audit) {
		this.db = db;
		this.streaming = new JdbcTemplate(dataSource);
		this.streaming.setFetchSize(5_000);
		this.programmes = programmes;
		this.rows = rows;
		this.audit = audit;
	}

	/**
	 * A new batch of every notice due; 422 {@code programme: nothing_to_notify} when none is (asking twice in a row
	 * makes one batch, not two).
	 */
	@Transactional
	public Batch issue(String municipality, String programmeId) {
		// the operator prepares mailings; the city's officials decide, and auditors only read the log
		BenefitRoles.require(Role.OPERATOR_CLERK, Role.OPERATOR_CHECKER, Role.OPERATOR_SUPERVISOR);
		programmes.get(municipality, programmeId);
		// one batch at a time per programme, or two would notice the same applications
		rows.lockProgramme(municipality, programmeId);
		String by = Caller.current().orElseThrow().username();
		long id = db.sql("""
				insert into benefit_notice_batch (tenant_id, programme_id, created_by, count) values (?, ?, ?, 1) returning id
				""").params(municipality, programmeId, by).query(Long.class).single();
		int count = db.sql("""
				insert into benefit_notice (tenant_id, batch_id, application_id, application_number, status, problems)
				select a.tenant_id, ?, a.id, a.application_number, a.status, a.problems
				from benefit_application a
				where a.tenant_id = ? and a.programme_id = ? and a.status in ('correction-needed', 'returned')
				  and not exists (select 1 from benefit_notice n
				                  join benefit_notice_batch b on b.tenant_id = n.tenant_id and b.id = n.batch_id
				                  where n.tenant_id = a.tenant_id and n.application_id = a.id and b.created_at >= a.updated_at)
				""").params(id, municipality, programmeId).update();
		if (count == 0) {
			throw new InvalidInput("programme", "nothing_to_notify");
		}
		db.sql("update benefit_notice_batch set count = ? where tenant_id = ? and id = ?").params(count, municipality, id).update();
		audit.record(AuditEvent.of(municipality, "benefit.notices.issued", "benefit-notice-batch", Long.toString(id))
			.with("programme", programmeId).with("count", Integer.toString(count)));
		return batch(municipality, programmeId, id);
	}

	public List<Batch> batches(String municipality, String programmeId) {
		programmes.get(municipality, programmeId);
		return db.sql("""
				select id, programme_id, created_at, created_by, count from benefit_notice_batch
				where tenant_id = ? and programme_id = ? order by id desc
				""").params(municipality, programmeId).query(Batch.class).list();
	}

	/** The batch's notices in application-number order, streamed; reading names and addresses is audited. */
	@Transactional
	public void notices(String municipality, String programmeId, long batchId, Consumer<Notice> each) {
		BenefitRoles.require(Role.OPERATOR_CLERK, Role.OPERATOR_CHECKER, Role.OPERATOR_SUPERVISOR);
		batch(municipality, programmeId, batchId);
		audit.record(AuditEvent.of(municipality, "benefit.notices.exported", "benefit-notice-batch", Long.toString(batchId))
			.with("programme", programmeId));
		streaming.query("""
				select n.application_number, h.household_id, head.name, h.postal_code, h.address, n.status, n.problems::text
				from benefit_notice n
				join benefit_application a on a.tenant_id = n.tenant_id and a.id = n.application_id
				join benefit_household h on h.tenant_id = a.tenant_id and h.programme_id = a.programme_id and h.household_id = a.household_id
				left join benefit_member head on head.tenant_id = h.tenant_id and head.programme_id = h.programme_id
				    and head.resident_id = h.head_resident_id
				where n.tenant_id = ? and n.batch_id = ?
				order by n.application_number
				""", row -> {
			each.accept(new Notice(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5),
					row.getString(6), ApplicationRecords.Problem.listOf(row.getString(7))));
		}, municipality, batchId);
	}

	private Batch batch(String municipality, String programmeId, long id) {
		return db.sql("""
				select id, programme_id, created_at, created_by, count from benefit_notice_batch
				where tenant_id = ? and programme_id = ? and id = ?
				""").params(municipality, programmeId, id).query(Batch.class).optional().orElseThrow(() -> new NotFound("batchId"));
	}
}
