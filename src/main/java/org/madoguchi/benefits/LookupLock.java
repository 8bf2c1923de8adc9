package org.madoguchi.benefits;

import java.time.Duration;

import org.madoguchi.audit.AuditEvent;
import org.madoguchi.audit.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The portal's guard on an application number: its only secret is a birth date, a few thousand guesses
 * wide, so wrong dates are counted per number ({@code benefit_lookup_failure}) and the number is locked
 * after {@link #ALLOWED} of them in a row, for {@link #PERIOD}, whatever is typed meanwhile (even the right
 * date: otherwise the lock would only slow a guesser down, not stop them). A right date clears the count;
 * a count left alone for a whole period starts again, so a resident who mistyped last week is not punished
 * today.
 *
 * <p>Numbers with no form are counted too: locking only real ones would tell a guesser which numbers exist.
 * Counting runs inside the caller's scoped transaction, which {@link #serialize} makes the only one for the
 * number; a right date on a number with nothing counted writes nothing and needs no turn.
 */
@Component
class LookupLock {

	static final int ALLOWED = 5;
	static final Duration PERIOD = Duration.ofMinutes(30);

	private final JdbcClient db;
	private final AuditTrail audit;

	LookupLock(JdbcClient db, AuditTrail audit) {
		this.db = db;
		this.audit = audit;
	}

	/** Parallel guesses would otherwise all read the count before any of them raised it. */
	void serialize(String municipality, ApplicationNumber number) {
		db.sql("select pg_advisory_xact_lock(hashtext('benefit_lookup'), hashtext(? || ?)) is null")
			.params(municipality, number.value()).query(Boolean.class).single();
	}

	/** What the number's record says now: locked, counting, or nothing on record. */
	enum State {
		LOCKED, COUNTING, CLEAR
	}

	/**
	 * The {@link State} as a column, for a query that reads the number's row of {@code benefit_lookup_failure}
	 * as {@code f} (outer-joined: no row is {@code CLEAR}), so that a look-up reads its lock with its household.
	 */
	static final String STATE = """
			case when f.failures >= %d and f.last_failure_at > now() - interval '%d seconds' then 'LOCKED'
			     when f.failures is not null then 'COUNTING' else 'CLEAR' end""".formatted(ALLOWED, PERIOD.toSeconds());

	/** Counts a wrong birth date; the one that reaches the limit locks the number and is audited. */
	void fail(String municipality, ApplicationNumber number) {
		int failures = db.sql("""
				insert into benefit_lookup_failure as f (tenant_id, application_number, failures, last_failure_at)
				values (?, ?, 1, now())
				on conflict (tenant_id, application_number) do update
				set failures = case when f.last_failure_at > now() - make_interval(secs => ?) then f.failures + 1 else 1 end,
				    last_failure_at = now()
				returning failures
				""").params(municipality, number.value(), PERIOD.toSeconds()).query(Integer.class).single();
		if (failures == ALLOWED) {
			// who tried is not recorded: an IP address is personal data, and the number is what staff are asked about
			audit.record(AuditEvent.of(municipality, "benefit.lookup.locked", "application-number", number.value())
				.with("failures", Integer.toString(failures)).with("minutes", Long.toString(PERIOD.toMinutes())));
		}
	}

	void clear(String municipality, ApplicationNumber number) {
		db.sql("delete from benefit_lookup_failure where tenant_id = ? and application_number = ?")
			.params(municipality, number.value()).update();
	}
}
