package org.madoguchi.benefits;

import java.util.List;

import org.madoguchi.payments.PaymentBatches;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** The reconciliation report of a programme, from one snapshot of the database. */
@Service
public class Reconciliations {

	private final JdbcClient db;
	private final BenefitProgrammes programmes;
	private final PaymentBatches payments;

	Reconciliations(JdbcClient db, BenefitProgrammes programmes, PaymentBatches payments) {
		this.db = db;
		this.programmes = programmes;
		this.payments = payments;
	}

	private record Counts(long households, long persons, long mail, long online, long duplicates, long rejected, long live,
			long deficient, long checking, long checked, long declinedAll, long approved, long paid, long paidAmount, long paidPersons,
			long returnedOpen, long declinedPersons, long notApplied) {
	}

	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public Reconciliation of(String municipality, String programmeId) {
		var programme = programmes.get(municipality, programmeId);
		var c = db.sql("""
				with a as (select * from benefit_application where tenant_id = ? and programme_id = ?),
				     live as (select * from a where status not in ('duplicate', 'rejected'))
				select (select count(*) from benefit_household where tenant_id = ? and programme_id = ?) as households,
				       (select count(*) from benefit_member where tenant_id = ? and programme_id = ?) as persons,
				       (select count(*) from a where channel = 'mail') as mail,
				       (select count(*) from a where channel = 'online') as online,
				       (select count(*) from a where status = 'duplicate') as duplicates,
				       (select count(*) from a where status = 'rejected') as rejected,
				       (select count(*) from live) as live,
				       (select count(*) from live where status = 'correction-needed') as deficient,
				       (select count(*) from live where status = 'checking') as checking,
				       (select count(*) from live where status = 'checked') as checked,
				       (select count(*) from live where status = 'declined') as declined_all,
				       (select count(*) from live where status in ('approved', 'scheduled')) as approved,
				       (select count(*) from live where status = 'paid') as paid,
				       (select coalesce(sum(amount), 0) from live where status in ('paid', 'scheduled')) as paid_amount,
				       (select coalesce(sum(persons_paid), 0) from live where status in ('paid', 'scheduled')) as paid_persons,
				       (select count(*) from live where status = 'returned') as returned_open,
				       (select coalesce(sum(h.persons - l.persons_paid), 0) from live l join benefit_household h
				            on h.tenant_id = l.tenant_id and h.programme_id = l.programme_id and h.household_id = l.household_id) as declined_persons,
				       (select count(*) from benefit_household h where h.tenant_id = ? and h.programme_id = ?
				            and not exists (select 1 from live where live.household_id = h.household_id)) as not_applied
				""").params(municipality, programmeId, municipality, programmeId, municipality, programmeId, municipality, programmeId)
			.query(Counts.class).single();
		var totals = payments.totals(municipality, BenefitPayments.purpose(programmeId));
		long scheduledHere = c.paid() + db.sql("""
				select count(*) from benefit_application where tenant_id = ? and programme_id = ? and status = 'scheduled'
				""").params(municipality, programmeId).query(Long.class).single();
		var checks = List.of(
				Reconciliation.Check.of("eligible households = not applied + live applications", c.households(), c.notApplied() + c.live()),
				Reconciliation.Check.of("live applications = in check + deficient + declined by all + approved + paid + returned",
						c.live(), c.checking() + c.checked() + c.deficient() + c.declinedAll() + c.approved() + c.paid() + c.returnedOpen()),
				Reconciliation.Check.of("applications received = live + duplicates held + rejected", c.mail() + c.online(),
						c.live() + c.duplicates() + c.rejected()),
				Reconciliation.Check.of("transfers paid (payments) = applications scheduled or paid", totals.paid().count(), scheduledHere),
				Reconciliation.Check.of("yen paid (payments) = amounts of applications scheduled or paid", totals.paid().yen(), c.paidAmount()),
				Reconciliation.Check.of("yen paid = persons paid × amount per person", c.paidAmount(),
						c.paidPersons() * programme.amountPerPerson()));
		boolean balanced = checks.stream().allMatch(Reconciliation.Check::holds);
		return new Reconciliation(programmeId, c.households(), c.persons(), new Reconciliation.Applications(c.mail(), c.online()),
				c.duplicates(), c.deficient(), c.approved(), totals.paid().count(), totals.paid().yen(), totals.returned().count(),
				totals.returned().yen(), c.declinedPersons(), c.notApplied(), c.checking() + c.checked(), c.returnedOpen(), balanced,
				checks);
	}
}
