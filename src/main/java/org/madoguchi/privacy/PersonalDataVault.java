package org.madoguchi.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.madoguchi.audit.AuditEvent;
import org.madoguchi.audit.AuditTrail;
import org.madoguchi.japan.InvalidValue;
import org.madoguchi.platform.Caller;
import org.madoguchi.platform.InvalidInput;
import org.madoguchi.platform.NotFound;
import org.madoguchi.platform.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where My Numbers, bank accounts and phone numbers are kept, sealed, so that cases and resident records
 * hold only a reference and a mask. Keeping, searching and revealing are audited in the same transaction;
 * a value is shown in clear only to a role that may see it, for a stated reason.
 */
@Service
public class PersonalDataVault {

	static final String SUBJECT = "personal-data";
	static final int MIN_REASON = 4;
	static final int MAX_REASON = 500;

	private final PersonalValues values;
	private final Seal seal;
	private final AuditTrail audit;

	PersonalDataVault(PersonalValues values, Seal seal, AuditTrail audit) {
		this.values = values;
		this.seal = seal;
		this.audit = audit;
	}

	/** Keeps a value; an invalid one is refused with problem path {@code value} and a code such as {@code check_digit}. */
	@Transactional
	public PersonalValue store(String municipality, PersonalDataKind kind, String value) {
		String normalized = valid(kind, value);
		String masked = kind.mask(normalized);
		long id = values.add(municipality, kind, seal.seal(municipality, kind.code(), normalized),
				seal.blindIndex(municipality, kind.code(), kind.canonical(normalized)), masked,
				Caller.current().map(Caller::username).orElse("system"));
		audit.record(AuditEvent.of(municipality, "personal-data.stored", SUBJECT, Long.toString(id)).with("kind", kind.code()));
		return new PersonalValue(id, kind, masked);
	}

	/**
	 * Keeps many values of one kind at once, for bulk loads such as a register extract: ids in the order
	 * given, the key looked up once, one COPY, and one audit entry for all of them.
	 */
	@Transactional
	public List<PersonalValue> storeAll(String municipality, PersonalDataKind kind, List<String> values) {
		if (values.isEmpty()) {
			return List.of();
		}
		var sealer = seal.sealer(municipality, kind.code());
		var indexer = seal.indexer(municipality, kind.code());
		var sealed = new ArrayList<Sealed>(values.size());
		var indexes = new ArrayList<BlindIndex>(values.size());
		var masks = new ArrayList<String>(values.size());
		for (String value : values) {
			String normalized = valid(kind, value);
			sealed.add(sealer.apply(normalized));
			indexes.add(indexer.apply(kind.canonical(normalized)));
			masks.add(kind.mask(normalized));
		}
		long[] ids = this.values.addAll(municipality, kind, sealed, indexes, masks,
				Caller.current().map(Caller::username).orElse("system"));
		audit.record(AuditEvent.of(municipality, "personal-data.stored", SUBJECT, null).with("kind", kind.code())
			.with("count", Integer.toString(ids.length)));
		var stored = new ArrayList<PersonalValue>(ids.length);
		for (int i = 0; i < ids.length; i++) {
			stored.add(new PersonalValue(ids[i], kind, masks.get(i)));
		}
		return stored;
	}

	/**
	 * The blind index that {@link #store} keeps and {@link #search} looks for, for a bulk load that compares
	 * fingerprints before deciding what to store. Not audited: nothing is looked up. One thread only.
	 */
	public Function<String, BlindIndex> fingerprints(String municipality, PersonalDataKind kind) {
		var indexer = seal.indexer(municipality, kind.code());
		return value -> indexer.apply(kind.canonical(valid(kind, value)));
	}

	/** The reference and mask only; showing a mask is not a disclosure, so it is not audited. */
	@Transactional(readOnly = true)
	public PersonalValue find(String municipality, long id) {
		var stored = values.find(municipality, id).orElseThrow(() -> new NotFound("id"));
		return new PersonalValue(stored.id(), stored.kind(), stored.masked());
	}

	/** Exact match through the blind index; the audit entry names the kind and the hit count, not the value. */
	@Transactional
	public List<PersonalValue> search(String municipality, PersonalDataKind kind, String value) {
		String normalized = valid(kind, value);
		var matches = values.matching(municipality, kind, seal.blindIndex(municipality, kind.code(), kind.canonical(normalized)));
		audit.record(AuditEvent.of(municipality, "personal-data.searched", SUBJECT, null).with("kind", kind.code())
			.with("matches", Integer.toString(matches.size())));
		return matches;
	}

	/**
	 * The value in clear, for a caller whose role may see it ({@link Role#revealsPersonalData()}) and a reason
	 * of at least {@value #MIN_REASON} characters. The audit entry is written before the value is opened, in
	 * the same transaction: if it cannot be written, nothing is returned.
	 */
	@Transactional
	public RevealedValue reveal(String municipality, long id, String reason) {
		String why = revealReason(reason);
		var stored = values.find(municipality, id).orElseThrow(() -> new NotFound("id"));
		audit.record(AuditEvent.of(municipality, "personal-data.revealed", SUBJECT, Long.toString(id)).because(why)
			.with("kind", stored.kind().code()));
		String value = seal.open(municipality, stored.kind().code(), stored.sealed());
		return new RevealedValue(id, stored.kind(), value, stored.masked());
	}

	/**
	 * A value that another module keeps sealed in its own row ({@link #sealing}), in clear, on the same terms
	 * as {@link #reveal}: a role that may see it, a reason, and the audit entry first, naming the holder
	 * (such as {@code resident}, {@code 00012345}).
	 */
	@Transactional
	public String revealHeld(String municipality, PersonalDataKind kind, Sealed sealed, String heldIn, String heldId,
			String reason) {
		String why = revealReason(reason);
		audit.record(AuditEvent.of(municipality, "personal-data.revealed", heldIn, heldId).because(why).with("kind", kind.code()));
		return seal.open(municipality, kind.code(), sealed);
	}

	/**
	 * Seals values for a bulk load that keeps them in its own rows ({@link SealedValue}): a vault row per
	 * value, with its indexes and sequence, cost a register import several times the load itself. The holder
	 * reveals them through {@link #revealHeld}. Use it on one thread, in the load's transaction, and call
	 * {@link Sealing#recorded} once at the end for the audit entry.
	 */
	public Sealing sealing(String municipality, PersonalDataKind kind) {
		return new Sealing(municipality, kind);
	}

	/** One bulk load's sealing: the key, cipher and index key looked up once. */
	public final class Sealing {

		private final String municipality;
		private final PersonalDataKind kind;
		private final Function<String, Sealed> sealer;
		private final Function<String, BlindIndex> indexer;
		private int count;

		private Sealing(String municipality, PersonalDataKind kind) {
			this.municipality = municipality;
			this.kind = kind;
			this.sealer = seal.sealer(municipality, kind.code());
			this.indexer = seal.indexer(municipality, kind.code());
		}

		/** Refuses an invalid value as {@link #store} does (path {@code value}). */
		public SealedValue seal(String value) {
			String normalized = valid(kind, value);
			count++;
			return new SealedValue(sealer.apply(normalized), indexer.apply(kind.canonical(normalized)), kind.mask(normalized));
		}

		/** One audit entry for the values sealed, naming where they are kept; none when nothing was sealed. */
		public int recorded(String heldIn) {
			if (count > 0) {
				audit.record(AuditEvent.of(municipality, "personal-data.sealed", heldIn, null).with("kind", kind.code())
					.with("count", Integer.toString(count)));
			}
			return count;
		}
	}

	/** Who may reveal, and why: the checks {@link #reveal} and {@link #revealHeld} share; answers the reason. */
	private static String revealReason(String reason) {
		if (!Caller.current().map(PersonalDataVault::mayReveal).orElse(false)) {
			throw new AccessDeniedException("revealing personal data needs a role that may see it");
		}
		String why = reason == null ? "" : reason.strip();
		if (why.isEmpty()) {
			throw new InvalidInput("reason", "required");
		}
		if (why.length() < MIN_REASON) {
			throw new InvalidInput("reason", "too_short", MIN_REASON);
		}
		if (why.length() > MAX_REASON) {
			throw new InvalidInput("reason", "too_long", MAX_REASON);
		}
		if (why.chars().anyMatch(Character::isISOControl)) {
			throw new InvalidInput("reason", "control_characters");
		}
		return why;
	}

	public static boolean mayReveal(Caller caller) {
		return caller.roles().stream().map(Role::parse).flatMap(Optional::stream).anyMatch(Role::revealsPersonalData);
	}

	private static String valid(PersonalDataKind kind, String value) {
		try {
			return kind.normalize(value);
		} catch (InvalidValue e) {
			throw new InvalidInput("value", e.code());
		}
	}
}
