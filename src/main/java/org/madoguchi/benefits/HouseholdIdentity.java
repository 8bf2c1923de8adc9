package org.madoguchi.benefits;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

import org.madoguchi.japan.InvalidValue;
import org.madoguchi.japan.IsoDate;
import org.madoguchi.japan.MunicipalityCode;
import org.madoguchi.platform.Conflict;
import org.madoguchi.platform.InvalidInput;
import org.madoguchi.platform.NotFound;
import org.madoguchi.platform.ScopedTransactions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The portal's door to a household: someone without an account names a municipality, a form's application
 * number and a birth date, and is let in as the member born that day. A wrong date and an unknown number
 * look the same from outside (404), and both count toward the number's {@link LookupLock}. Everything runs
 * in one transaction scoped to the named municipality, the only tenant an anonymous request ever sees.
 */
@Component
class HouseholdIdentity {

	/** Whose birth date opens the door: the status is the head's to see; anyone in the household may apply. */
	enum Who {
		HEAD, ANY_MEMBER
	}

	/** What was typed, read: municipality code (check digit and all), application number, birth date. */
	record Asked(String municipality, ApplicationNumber number, LocalDate birthDate) {

		static Asked read(String municipality, String typedNumber, String typedBirthDate, InvalidInput.Collector problems) {
			String city = null;
			ApplicationNumber number = null;
			LocalDate birthDate = null;
			if (blank(municipality)) {
				problems.add("municipality", "required");
			} else {
				try {
					city = MunicipalityCode.of(municipality.strip()).value();
				} catch (InvalidValue e) {
					problems.add("municipality", e.code());
				}
			}
			if (blank(typedNumber)) {
				problems.add("application", "required");
			} else {
				try {
					number = ApplicationNumber.parse(typedNumber);
				} catch (InvalidValue e) {
					problems.add("application", e.code());
				}
			}
			if (blank(typedBirthDate)) {
				problems.add("birthDate", "required");
			} else {
				try {
					birthDate = birthDate(typedBirthDate.strip());
				} catch (DateTimeException e) {
					problems.add("birthDate", "date");
				}
			}
			return new Asked(city, number, birthDate);
		}

		/**
		 * The usual shape read without a formatter (the portal's busiest call reads one on every look-up); any
		 * other shape as LocalDate.parse reads it.
		 */
		private static LocalDate birthDate(String text) {
			try {
				return IsoDate.of(text);
			} catch (InvalidValue e) {
				if (InvalidValue.FORMAT.equals(e.code())) {
					return LocalDate.parse(text);
				}
				throw new DateTimeException(e.getMessage());
			}
		}

		private static boolean blank(String value) {
			return value == null || value.isBlank();
		}
	}

	record Member(String residentId, boolean head, String name, LocalDate birthDate) {
	}

	/**
	 * A household of the eligibility snapshot, its members head first, and the status of the application
	 * that speaks for it ({@link ApplicationStatus#SPEAKING_FIRST}) as it was when the household was read.
	 */
	record Household(String programmeId, String householdId, ApplicationNumber number, int persons, List<Member> members,
			ResidentStatus status) {

		/** Twins share a birthday: the head wins, then the first by register id, the same answer every time. */
		Optional<Member> member(LocalDate birthDate, Who who) {
			return members.stream().filter(m -> m.birthDate().equals(birthDate)).filter(m -> who == Who.ANY_MEMBER || m.head())
				.findFirst();
		}
	}

	private record Outcome<T>(T value, RuntimeException refusal) {
	}

	private final JdbcClient db;
	private final ScopedTransactions transactions;
	private final LookupLock lock;

	HouseholdIdentity(JdbcClient db, ScopedTransactions transactions, LookupLock lock) {
		this.db = db;
		this.transactions = transactions;
		this.lock = lock;
	}

	/**
	 * Runs {@code work} for the member the birth date names, in the same transaction; answers 404 for an
	 * unknown number or a wrong date, 429 while the number is locked. {@code programmeId} may be null (the
	 * number names its programme). The work may write: it runs as the only transaction for the number.
	 */
	<T> T identified(Asked asked, String programmeId, Who who, BiFunction<Household, Member, T> work) {
		return identified(asked, programmeId, who, true, work);
	}

	/**
	 * {@link #identified} for work that reads nothing more, such as the status look-up (the household comes
	 * with its status): a right date on a number with no wrong ones counted is one statement outside any
	 * transaction and takes no turn, so the portal's busiest call never queues behind another look-up of the
	 * same number. Anything else takes the number's turn in a transaction and reads again.
	 */
	<T> T identifiedToRead(Asked asked, String programmeId, Who who, BiFunction<Household, Member, T> work) {
		return identified(asked, programmeId, who, false, work);
	}

	private <T> T identified(Asked asked, String programmeId, Who who, boolean writes, BiFunction<Household, Member, T> work) {
		String city = asked.municipality();
		if (!writes) {
			// the right date on a number with nothing counted: one statement, no transaction, no turn
			var answer = transactions.single(city, () -> {
				var found = find(city, asked.number(), programmeId);
				var member = found.household().flatMap(h -> h.member(asked.birthDate(), who));
				return found.state() == LookupLock.State.CLEAR && member.isPresent()
						? Optional.of(work.apply(found.household().get(), member.get())) : Optional.<T>empty();
			});
			if (answer.isPresent()) {
				return answer.get();
			}
		}
		Outcome<T> outcome = transactions.call(city, () -> {
			// what follows counts or clears wrong dates: one transaction per number at a time
			lock.serialize(city, asked.number());
			var found = find(city, asked.number(), programmeId);
			var member = found.household().flatMap(h -> h.member(asked.birthDate(), who));
			if (found.state() == LookupLock.State.LOCKED) {
				return new Outcome<T>(null, new Conflict(429, "application", "locked"));
			}
			if (member.isEmpty()) {
				if (!offersBenefits(city)) {
					return new Outcome<T>(null, new NotFound("municipality"));
				}
				lock.fail(city, asked.number());
				return new Outcome<T>(null, new NotFound("application"));
			}
			if (found.state() == LookupLock.State.COUNTING) {
				lock.clear(city, asked.number());
			}
			return new Outcome<>(work.apply(found.household().get(), member.get()), null);
		});
		// thrown after commit, so that the failure just counted stays counted
		if (outcome.refusal() != null) {
			throw outcome.refusal();
		}
		return outcome.value();
	}

	private record Found(LookupLock.State state, Optional<Household> household) {
	}

	/** Built once: formatting it on every look-up was a twentieth of the portal's busiest call. */
	private static final String FIND = """
			select %s as state, h.programme_id, h.household_id, h.persons, m.resident_id, m.is_head, m.name, m.birth_date,
			    a.status, a.problems, a.transfer_date
			from (select 1) one
			left join benefit_lookup_failure f on f.tenant_id = ? and f.application_number = ?
			left join (benefit_household h
			           left join lateral (select status, problems::text as problems, transfer_date from benefit_application
			                              where tenant_id = h.tenant_id and application_number = h.application_number
			                              order by %s limit 1) a on true
			           join benefit_member m on m.tenant_id = h.tenant_id and m.programme_id = h.programme_id
			                                and m.household_id = h.household_id)
			       on h.tenant_id = ? and h.application_number = ? and (?::text is null or h.programme_id = ?::text)
			order by m.is_head desc, m.resident_id
			""".formatted(LookupLock.STATE, ApplicationStatus.SPEAKING_FIRST);

	/** The number's lock state, its household (members head first) and the household's status, in one statement. */
	private Found find(String municipality, ApplicationNumber number, String programmeId) {
		return db.sql(FIND).params(municipality, number.value(), municipality, number.value(), programmeId, programmeId)
			.query(rows -> {
				rows.next();
				var state = LookupLock.State.valueOf(rows.getString("state"));
				if (rows.getString("resident_id") == null) {
					return new Found(state, Optional.empty());
				}
				String programme = rows.getString("programme_id");
				String household = rows.getString("household_id");
				int persons = rows.getInt("persons");
				String status = rows.getString("status");
				var speaking = status == null ? ResidentStatus.notReceived()
						: ResidentStatus.of(status, rows.getString("problems"), rows.getObject("transfer_date", LocalDate.class));
				var members = new ArrayList<Member>(persons);
				do {
					members.add(new Member(rows.getString("resident_id"), rows.getBoolean("is_head"), rows.getString("name"),
							rows.getObject("birth_date", LocalDate.class)));
				} while (rows.next());
				return new Found(state, Optional.of(new Household(programme, household, number, persons, members, speaking)));
			});
	}

	/** A city without a programme has nothing to look up, and may not exist: its code is not counted against. */
	private boolean offersBenefits(String municipality) {
		return db.sql("select exists (select 1 from benefit_programme where tenant_id = ?)").param(municipality).query(Boolean.class)
			.single();
	}
}
