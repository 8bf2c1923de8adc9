package org.madoguchi.benefits;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import javax.sql.DataSource;

import org.madoguchi.audit.AuditEvent;
import org.madoguchi.audit.AuditTrail;
import org.madoguchi.platform.InvalidInput;
import org.madoguchi.privacy.PersonalDataVault;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Online applications from the portal. The applicant is let in by the form's application number and their
 * own birth date, as any member of the household on the reference date: the benefit is the head's to claim,
 * but a member who applies is recorded (as the deficiency {@code not_head}) rather than turned away, so a
 * person sees it. The application then takes exactly the mailed forms' road ({@link ApplicationLoad}: stage,
 * then settle), so the checks and the duplicate control are the same statement for both channels.
 */
@Service
public class OnlineApplications {

	private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

	private final JdbcClient db;
	private final DataSource dataSource;
	private final PersonalDataVault vault;
	private final BenefitProgrammes programmes;
	private final HouseholdIdentity identity;
	private final ApplicationStatus statuses;
	private final AuditTrail audit;
	private final ApplicationCases cases;

	OnlineApplications(JdbcClient db, DataSource dataSource, PersonalDataVault vault, BenefitProgrammes programmes,
			HouseholdIdentity identity, ApplicationStatus statuses, AuditTrail audit, ApplicationCases cases) {
		this.cases = cases;
		this.db = db;
		this.dataSource = dataSource;
		this.vault = vault;
		this.programmes = programmes;
		this.identity = identity;
		this.statuses = statuses;
		this.audit = audit;
	}

	/** What an application came to; {@code created} is false when the idempotency key had been used before. */
	public record Applied(boolean created, ResidentStatus status) {
	}

	/**
	 * The first step: who the number and birth date name, and what they may be shown (see {@link OnlineApplicant}).
	 * Counts toward the number's lock like a status look-up; showing the head the members' names is audited.
	 */
	public OnlineApplicant identify(String municipality, String typedApplicationNumber, String birthDate) {
		var problems = new InvalidInput.Collector();
		var asked = HouseholdIdentity.Asked.read(municipality, typedApplicationNumber, birthDate, problems);
		problems.throwIfAny();
		return identity.identified(asked, null, HouseholdIdentity.Who.ANY_MEMBER, (household, member) -> {
			var programme = programmes.get(asked.municipality(), household.programmeId());
			if (!member.head()) {
				return new OnlineApplicant(household.number().formatted(), programme.name(), false, household.persons(), List.of(), null,
						programme.applicationStart(), programme.applicationEnd(), programme.open(today()));
			}
			audit.record(AuditEvent.of(asked.municipality(), "benefit.household.shown", "benefit-household", household.householdId())
				.with("channel", "portal").with("programme", programme.id()));
			var members = household.members().stream().map(m -> new OnlineApplicant.Member(m.residentId(), m.name())).toList();
			return new OnlineApplicant(household.number().formatted(), programme.name(), true, household.persons(), members,
					statuses.of(asked.municipality(), household), programme.applicationStart(), programme.applicationEnd(),
					programme.open(today()));
		});
	}

	/** Checks the fields only, as the portal does before its confirmation step; throws {@link InvalidInput} (422). */
	public void check(OnlineForm form) {
		OnlineFormCheck.check(form);
	}

	/**
	 * Files the application: 422 for bad fields (all of them listed), 404 for an unknown number or a birth date
	 * of nobody in the household, 429 while the number is locked; else the application's status, which a
	 * retry with the same idempotency key answers again without filing anything.
	 */
	public Applied apply(OnlineForm form) {
		var checked = OnlineFormCheck.check(form);
		String city = checked.asked().municipality();
		return identity.identified(checked.asked(), form.programmeId(), HouseholdIdentity.Who.ANY_MEMBER, (household, applicant) -> {
			var programme = programmes.get(city, household.programmeId());
			// keys come from anonymous clients: two households may well pick the same one
			String intakeKey = "online:" + household.number().value() + ":" + checked.idempotencyKey();
			var account = checked.account();
			var submission = new Submission(1, Submission.ONLINE, intakeKey, household.number(), today(), checked.declined(),
					account.account(), checked.holderKana(), account.holder(), checked.phone(), applicant.residentId(), List.of());
			var load = new ApplicationLoad(db, dataSource, vault, programme);
			load.stage(List.of(submission));
			boolean created = load.staged() > 0;
			if (created) {
				load.settle();
			}
			record Row(long id, String status, String problems, LocalDate transferDate) {
			}
			var row = db.sql("""
					select id, status, problems::text, transfer_date from benefit_application
					where tenant_id = ? and programme_id = ? and intake_key = ?
					""").params(city, programme.id(), intakeKey)
				.query((r, n) -> new Row(r.getLong(1), r.getString(2), r.getString(3), r.getObject(4, LocalDate.class))).single();
			if (created) {
				audit.record(AuditEvent.of(city, "benefit.application.received", "benefit-application", Long.toString(row.id()))
					.with("channel", Submission.ONLINE).with("programme", programme.id()).with("status", row.status())
					.with("applicant", applicant.head() ? "head" : "member"));
				cases.openAfterCommit(city, programme.id());
			}
			return new Applied(created, ResidentStatus.of(row.status(), row.problems(), row.transferDate()));
		});
	}

	private static LocalDate today() {
		return LocalDate.now(TOKYO);
	}
}
