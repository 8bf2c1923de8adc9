package org.madoguchi.benefits;

import java.util.Map;

import org.madoguchi.platform.Conflict;
import org.madoguchi.platform.InvalidInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A household head gives another account through the portal, for a deficiency of the account or a transfer
 * the bank returned. The head is let in as for the status look-up (the same lock counts wrong dates), the
 * account is checked as on intake, and the change itself is the back office's {@link Corrections}, so a
 * corrected application ends where a clerk's correction would put it. Problems an account cannot cure are
 * refused (409) and left to a person.
 *
 * <p>A correction has no intake record of its own to find a retry by, so the portal's requests are kept in
 * {@code benefit_online_correction} under the client's idempotency key, per application number.
 */
@Service
public class OnlineCorrections {

	/** Who corrected, for the audit entry: no staff member is signed in on the portal. */
	private static final Map<String, String> BY_RESIDENT = Map.of("channel", "portal", "by", "head-of-household");

	private final JdbcClient db;
	private final HouseholdIdentity identity;
	private final ApplicationStatus statuses;
	private final Corrections corrections;

	OnlineCorrections(JdbcClient db, HouseholdIdentity identity, ApplicationStatus statuses, Corrections corrections) {
		this.db = db;
		this.identity = identity;
		this.statuses = statuses;
		this.corrections = corrections;
	}

	/** What a correction came to; {@code created} is false when the idempotency key had been used before. */
	public record Corrected(boolean created, ResidentStatus status) {
	}

	/** Checks the fields only, as the portal does before its confirmation step; throws {@link InvalidInput} (422). */
	public void check(CorrectionForm form) {
		read(form);
	}

	/**
	 * Gives the application another account: 422 for bad fields (all listed, with the form's paths), 404 for
	 * an unknown number or a birth date that is not the head's, 429 while the number is locked, 409 when there
	 * is nothing an account would correct; else the application's status afterwards, which a retry with the
	 * same key answers again without changing anything.
	 */
	public Corrected correct(CorrectionForm form) {
		var asked = read(form);
		String city = asked.municipality();
		String key = form.idempotencyKey();
		record Outcome(Corrected corrected, Conflict refusal) {
		}
		var outcome = identity.identified(asked, null, HouseholdIdentity.Who.HEAD, (household, head) -> {
			if (alreadyMade(city, household.number(), key)) {
				return new Outcome(new Corrected(false, statuses.of(city, household)), null);
			}
			var before = statuses.of(city, household);
			if (!before.anotherAccountCures()) {
				// answered, not thrown: the right birth date just cleared the number's count, and that must be kept
				boolean deficient = before.status().equals(ResidentStatus.CORRECTION_NEEDED);
				return new Outcome(null, new Conflict(409, "application", deficient ? "office_will_contact" : "nothing_to_correct"));
			}
			String status = corrections.correctAccount(city, household.programmeId(), household.number().value(),
					new Corrections.NewAccount(form.bankCode(), form.branchCode(), form.accountType(), form.accountNumber(),
							form.accountHolderKana()),
					BY_RESIDENT);
			db.sql("""
					insert into benefit_online_correction (tenant_id, application_number, idempotency_key, from_status, to_status)
					values (?, ?, ?, ?, ?)
					""").params(city, household.number().value(), key, before.status(), status).update();
			return new Outcome(new Corrected(true, statuses.of(city, household)), null);
		});
		if (outcome.refusal() != null) {
			throw outcome.refusal();
		}
		return outcome.corrected();
	}

	private boolean alreadyMade(String city, ApplicationNumber number, String key) {
		return db.sql("""
				select exists (select 1 from benefit_online_correction
				               where tenant_id = ? and application_number = ? and idempotency_key = ?)
				""").params(city, number.value(), key).query(Boolean.class).single();
	}

	/** The online application's checks, less what a correction does not ask (phone, declines, programme). */
	private static HouseholdIdentity.Asked read(CorrectionForm form) {
		var problems = new InvalidInput.Collector();
		var fields = new String[][] { { "municipality", form.municipality() }, { "application", form.application() },
				{ "birthDate", form.birthDate() }, { "bankCode", form.bankCode() }, { "branchCode", form.branchCode() },
				{ "accountType", form.accountType() }, { "accountNumber", form.accountNumber() },
				{ "accountHolderKana", form.accountHolderKana() } };
		OnlineFormCheck.plain(fields, problems);
		problems.throwIfAny();
		var asked = HouseholdIdentity.Asked.read(form.municipality(), form.application(), form.birthDate(), problems);
		OnlineFormCheck.account(form.bankCode(), form.branchCode(), form.accountType(), form.accountNumber(), form.accountHolderKana(),
				problems);
		OnlineFormCheck.idempotencyKey(form.idempotencyKey(), problems);
		problems.throwIfAny();
		return asked;
	}
}
