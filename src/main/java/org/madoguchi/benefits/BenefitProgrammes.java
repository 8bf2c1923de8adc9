package org.madoguchi.benefits;

import java.util.List;
import java.util.Optional;

import org.madoguchi.audit.AuditEvent;
import org.madoguchi.audit.AuditTrail;
import org.madoguchi.platform.Caller;
import org.madoguchi.platform.Conflict;
import org.madoguchi.platform.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The benefit programmes of each municipality and their eligibility snapshots. A snapshot is taken once:
 * the forms printed from it carry its application numbers, so taking it again would orphan them.
 */
@Service
public class BenefitProgrammes {

	private final JdbcClient db;
	private final AuditTrail audit;
	private final ProgrammeRows rows;

	BenefitProgrammes(JdbcClient db, AuditTrail audit, ProgrammeRows rows) {
		this.db = db;
		this.audit = audit;
		this.rows = rows;
	}

	/** Registers a programme; the same definition again answers the existing one, another one under its id is a 409. */
	@Transactional
	public Created create(String municipality, NewProgramme definition) {
		var checked = ProgrammeCheck.check(definition);
		var existing = rows.find(municipality, checked.id());
		if (existing.isPresent()) {
			if (!rows.sameDefinition(existing.get(), checked)) {
				throw new Conflict(409, "id", "programme_exists");
			}
			return new Created(existing.get(), false);
		}
		rows.lockCity(municipality);
		int ordinal = db.sql("select coalesce(max(ordinal), 9) + 1 from benefit_programme where tenant_id = ?").param(municipality)
			.query(Integer.class).single();
		if (ordinal > 99) {
			throw new Conflict(409, "id", "too_many_programmes");
		}
		rows.insert(municipality, ordinal, checked, Caller.current().map(Caller::username).orElse("system"));
		audit.record(AuditEvent.of(municipality, "benefit.programme.created", "benefit-programme", checked.id())
			.with("amountPerPerson", Long.toString(checked.amountPerPerson()))
			.with("referenceDate", checked.referenceDate().toString()));
		return new Created(rows.find(municipality, checked.id()).orElseThrow(), true);
	}

	public record Created(Programme programme, boolean isNew) {
	}

	public Optional<Programme> find(String municipality, String id) {
		return rows.find(municipality, id);
	}

	public Programme get(String municipality, String id) {
		return rows.find(municipality, id).orElseThrow(() -> new NotFound("id"));
	}

	public List<Programme> all(String municipality) {
		return rows.all(municipality);
	}

	/**
	 * Takes the eligibility snapshot: everyone registered on the reference date, in the household of that
	 * date, one form (application number) per household. People who moved out or died after the date stay
	 * in; people who arrived after it are not. Asked again, it answers the snapshot already taken.
	 */
	@Transactional
	public Eligibility snapshot(String municipality, String id) {
		var programme = get(municipality, id);
		rows.lockProgramme(municipality, id);
		if (!rows.snapshotTaken(municipality, id)) {
			new EligibilitySnapshot(db).take(programme);
			audit.record(AuditEvent.of(municipality, "benefit.snapshot.taken", "benefit-programme", id)
				.with("households", Long.toString(eligibility(municipality, id).households()))
				.with("persons", Long.toString(eligibility(municipality, id).persons())));
		}
		return eligibility(municipality, id);
	}

	public Eligibility eligibility(String municipality, String id) {
		return db.sql("""
				select (select count(*) from benefit_household where tenant_id = ? and programme_id = ?),
				       (select count(*) from benefit_member where tenant_id = ? and programme_id = ?)
				""").params(municipality, id, municipality, id)
			.query((row, n) -> new Eligibility(row.getLong(1), row.getLong(2))).single();
	}
}
