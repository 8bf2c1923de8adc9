package org.madoguchi.residents;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.madoguchi.audit.AuditEvent;
import org.madoguchi.audit.AuditTrail;
import org.madoguchi.japan.KanaName;
import org.madoguchi.platform.NotFound;
import org.madoguchi.privacy.PersonalDataKind;
import org.madoguchi.privacy.PersonalDataVault;
import org.madoguchi.privacy.Sealed;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The resident register of a municipality as imported from its extracts, asked as of any date. Every
 * question reads personal data, so each writes an audit entry (what was asked, never what was answered)
 * in its transaction; call it inside the municipality's tenant scope.
 */
@Service
public class Register {

	/** Rows the driver holds at a time while a whole city is listed. */
	static final int FETCH_SIZE = 5_000;
	/** More people than this with one reading and birth date means a search gone wrong. */
	static final int MAX_MATCHES = 100;

	private final JdbcClient db;
	private final AuditTrail audit;
	private final PersonalDataVault vault;

	Register(JdbcClient db, AuditTrail audit, PersonalDataVault vault) {
		this.db = db;
		this.audit = audit;
		this.vault = vault;
	}

	/** The resident as the register now has them: the version in force (removed residents included). */
	@Transactional
	public Optional<Resident> find(String municipality, String residentId) {
		audit.record(AuditEvent.of(municipality, "register.viewed", "resident", residentId));
		return db.sql("""
				select %s from resident_version v
				where v.tenant_id = ? and v.resident_id = ? and v.valid_to = 'infinity'
				""".formatted(RegisterRows.COLUMNS)).params(municipality, residentId).query(RegisterRows::resident).optional();
	}

	/**
	 * The resident's My Number in clear (the version in force), for a role that may see it and a stated
	 * reason; the vault checks both and audits the look before opening the seal.
	 *
	 * @throws NotFound 404 {@code residentId} when the register has no such resident, {@code myNumber} when
	 *         the extract gave no number
	 */
	@Transactional
	public String revealMyNumber(String municipality, String residentId, String reason) {
		var sealed = db.sql("""
				select my_number_sealed from resident_version v
				where v.tenant_id = ? and v.resident_id = ? and v.valid_to = 'infinity'
				""").params(municipality, residentId).query((row, n) -> Optional.ofNullable(row.getBytes(1))).optional()
			.orElseThrow(() -> new NotFound("residentId")).orElseThrow(() -> new NotFound("myNumber"));
		return vault.revealHeld(municipality, PersonalDataKind.MY_NUMBER, new Sealed(sealed), "resident", residentId, reason);
	}

	/** Every version the register has had of the resident, oldest first. */
	@Transactional
	public List<Resident> history(String municipality, String residentId) {
		audit.record(AuditEvent.of(municipality, "register.history-viewed", "resident", residentId));
		return db.sql("""
				select %s from resident_version v
				where v.tenant_id = ? and v.resident_id = ? order by v.valid_from
				""".formatted(RegisterRows.COLUMNS)).params(municipality, residentId).query(RegisterRows::resident).list();
	}

	/**
	 * Residents (versions in force) whose reading has the match key of {@code kana} and who were born on
	 * {@code birthDate}: how an application is matched to the register when the applicant gave no id.
	 */
	@Transactional
	public List<Resident> search(String municipality, String kana, LocalDate birthDate) {
		String key = KanaName.matchKeyOf(kana);
		var found = db.sql("""
				select %s from resident_version v
				where v.tenant_id = ? and v.match_key = ? and v.birth_date = ? and v.valid_to = 'infinity'
				order by v.resident_id limit ?
				""".formatted(RegisterRows.COLUMNS)).params(municipality, key, birthDate, MAX_MATCHES)
			.query(RegisterRows::resident).list();
		audit.record(AuditEvent.of(municipality, "register.searched").with("matches", Integer.toString(found.size())));
		return found;
	}

	/**
	 * Every household as it was on {@code day}, one at a time, so a city of any size costs the memory of one
	 * household: who was in the register that day (registered by then, not yet removed; the removal day
	 * itself is outside), in the household and relationship the register had for them that day. Whether a
	 * person was present is taken from the newest news of the stay that had begun by that day, so a death
	 * reported in a later extract counts from the date of death. Answers the number of households.
	 */
	@Transactional
	public int householdsOn(String municipality, LocalDate day, Consumer<Household> each) {
		var grouping = new Grouping(each);
		db.sql("""
				with stay as (
				    select distinct on (resident_id) resident_id, removed_on from resident_version
				    where tenant_id = ? and registered_on <= ?
				    order by resident_id, valid_from desc
				)
				select %s from resident_version v
				join stay on stay.resident_id = v.resident_id
				where v.tenant_id = ? and v.valid_from <= ? and v.valid_to > ?
				  and (stay.removed_on is null or stay.removed_on > ?)
				order by v.household_id, v.relationship <> ?, v.birth_date, v.resident_id
				""".formatted(RegisterRows.COLUMNS)).params(municipality, day, municipality, day, day, day, Resident.HEAD)
			.withFetchSize(FETCH_SIZE).query((RowCallbackHandler) row -> grouping.add(RegisterRows.resident(row, 0)));
		grouping.end();
		audit.record(AuditEvent.of(municipality, "register.households-listed").with("day", day.toString())
			.with("households", Integer.toString(grouping.households)).with("persons", Integer.toString(grouping.persons)));
		return grouping.households;
	}

	/** Rows arrive sorted by household; a household is complete when the next one starts. */
	private static final class Grouping {

		private final Consumer<Household> each;
		private final List<Resident> members = new ArrayList<>();
		private int households;
		private int persons;

		Grouping(Consumer<Household> each) {
			this.each = each;
		}

		void add(Resident resident) {
			if (!members.isEmpty() && !members.get(0).householdId().equals(resident.householdId())) {
				end();
			}
			members.add(resident);
			persons++;
		}

		void end() {
			if (!members.isEmpty()) {
				households++;
				each.accept(new Household(members.get(0).householdId(), members));
				members.clear();
			}
		}
	}
}
