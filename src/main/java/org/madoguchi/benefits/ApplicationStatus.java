package org.madoguchi.benefits;

import java.time.LocalDate;

import org.madoguchi.platform.InvalidInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The status look-up residents use instead of calling (Kobe's status site cut its calls): the form's
 * application number and the household head's birth date on the reference date give the status of the
 * household's application in plain terms ({@link ResidentStatus}) and nothing else.
 *
 * <p>No login: the request names its municipality and runs in that one tenant's scope. A wrong date answers
 * exactly like an unknown number, and the number locks after {@link LookupLock#ALLOWED} wrong dates in a row.
 * Successful look-ups are not audited: the answer holds no personal data, and a look-up changes nothing.
 */
@Service
public class ApplicationStatus {

	/**
	 * The order in which a household's applications speak for it, for a query of {@code benefit_application}:
	 * the live one, else one held as a duplicate, else one refused, the newest first.
	 */
	static final String SPEAKING_FIRST = "status not in ('duplicate', 'rejected') desc, status = 'duplicate' desc, id desc";

	private final JdbcClient db;
	private final HouseholdIdentity identity;

	ApplicationStatus(JdbcClient db, HouseholdIdentity identity) {
		this.db = db;
		this.identity = identity;
	}

	/**
	 * The status of the household's live application (or, when it has none, of the last one held or refused).
	 *
	 * @throws InvalidInput 422 for a malformed municipality code, application number or date (paths
	 *         {@code municipality}, {@code application}, {@code birthDate})
	 * @throws org.madoguchi.platform.NotFound 404 for an unknown number or a birth date that is not the head's
	 * @throws org.madoguchi.platform.Conflict 429 {@code locked} while the number is locked
	 */
	public ResidentStatus lookup(String municipality, String typedApplicationNumber, String birthDate) {
		var problems = new InvalidInput.Collector();
		var asked = HouseholdIdentity.Asked.read(municipality, typedApplicationNumber, birthDate, problems);
		problems.throwIfAny();
		return identity.identifiedToRead(asked, null, HouseholdIdentity.Who.HEAD, (household, head) -> household.status());
	}

	/** The household's status now, after a change in the same transaction ({@link #SPEAKING_FIRST}). */
	ResidentStatus of(String municipality, HouseholdIdentity.Household household) {
		record Row(String status, String problems, LocalDate transferDate) {
		}
		return db.sql("""
				select status, problems::text, transfer_date from benefit_application
				where tenant_id = ? and application_number = ?
				order by %s
				limit 1
				""".formatted(SPEAKING_FIRST)).params(municipality, household.number().value())
			.query((row, n) -> new Row(row.getString(1), row.getString(2), row.getObject(3, LocalDate.class))).optional()
			.map(row -> ResidentStatus.of(row.status(), row.problems(), row.transferDate()))
			.orElseGet(ResidentStatus::notReceived);
	}
}
