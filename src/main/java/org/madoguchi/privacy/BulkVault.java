package org.madoguchi.privacy;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.madoguchi.audit.AuditEvent;
import org.madoguchi.audit.AuditTrail;
import org.madoguchi.japan.InvalidValue;
import org.madoguchi.platform.Caller;
import org.madoguchi.platform.InvalidInput;
import org.madoguchi.platform.database.BulkCopy;
import org.madoguchi.privacy.keys.DataKey;
import org.madoguchi.privacy.keys.DataKeyRing;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The vault for machine work over whole files, such as a payment batch of hundreds of thousands of bank
 * accounts and the transfer file written from it: values of one kind kept or opened many at a time, with
 * the encryption key looked up once, one COPY, and one audit entry per call instead of one per value.
 * Both run inside the caller's transaction, so the values exist exactly when the caller's rows do.
 *
 * <p>Kept apart from {@link PersonalDataVault} on purpose: a bulk {@code storeAll} is being added there on
 * another branch; once both are in, {@link #storeAll} here can become a call to it.
 */
@Service
public class BulkVault {

	private final JdbcClient db;
	private final DataSource dataSource;
	private final DataKeyRing keys;
	private final AuditTrail audit;

	BulkVault(JdbcClient db, DataSource dataSource, DataKeyRing keys, AuditTrail audit) {
		this.db = db;
		this.dataSource = dataSource;
		this.keys = keys;
		this.audit = audit;
	}

	/**
	 * Keeps the values and answers their vault ids in the order given. An invalid value is refused with
	 * problem path {@code values[i]} (counted from 0) before anything is written.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public long[] storeAll(String municipality, PersonalDataKind kind, List<String> values) {
		if (values.isEmpty()) {
			return new long[0];
		}
		// The seal's own code with both keys looked up now: Seal asks the database for the newest key on every
		// value, and no query can run on the connection while the COPY below holds it.
		Seal pinned = new Seal(pinnedTo(keys.currentEncryptionKey(municipality), keys.indexKey(municipality)));
		// Ids are taken from the sequence first, since a set-based insert cannot say which id went to which row.
		long[] ids = db.sql("select nextval(pg_get_serial_sequence('personal_value', 'id')) from generate_series(1, ?)")
			.param(values.size()).query(Long.class).list().stream().mapToLong(Long::longValue).toArray();
		// PostgreSQL refuses COPY into a table under row-level security, hence the detour through a temporary table.
		db.sql("""
				create temporary table if not exists personal_value_bulk (id bigint, sealed bytea, blind_index bytea, masked text)
				on commit drop
				""").update();
		db.sql("truncate personal_value_bulk").update();
		try (var copy = BulkCopy.into(dataSource, "copy personal_value_bulk (id, sealed, blind_index, masked) from stdin")) {
			for (int i = 0; i < ids.length; i++) {
				String normalized = valid(kind, values.get(i), i);
				copy.number(ids[i]).bytes(pinned.seal(municipality, kind.code(), normalized).bytes())
					.bytes(pinned.blindIndex(municipality, kind.code(), kind.canonical(normalized)).bytes())
					.text(kind.mask(normalized)).endRow();
			}
			copy.finish();
		}
		db.sql("""
				insert into personal_value (tenant_id, id, kind, sealed, blind_index, masked, created_by) overriding system value
				select ?, id, ?, sealed, blind_index, masked, ? from personal_value_bulk
				""").params(municipality, kind.code(), Caller.current().map(Caller::username).orElse("system")).update();
		audit.record(AuditEvent.of(municipality, "personal-data.stored", PersonalDataVault.SUBJECT, null)
			.with("kind", kind.code()).with("count", Integer.toString(ids.length)));
		return ids;
	}

	/**
	 * Starts opening values of one kind for a use the caller states (such as {@code payment-batch:12}), with
	 * one audit entry for the whole use, written now. The caller's own entry says what came of it (how many
	 * values went into which file). Use the answer only inside the transaction that asked for it.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Opening open(String municipality, PersonalDataKind kind, String use) {
		if (use == null || use.isBlank()) {
			throw new IllegalArgumentException("opening values in bulk needs a stated use");
		}
		audit.record(AuditEvent.of(municipality, "personal-data.opened", PersonalDataVault.SUBJECT, null).because(use)
			.with("kind", kind.code()));
		return new Opening(municipality, kind);
	}

	/** Values opened page by page, so a file of any size never holds more than a page of them in clear. */
	public final class Opening {

		private final String municipality;
		private final PersonalDataKind kind;
		private final Seal seal = new Seal(keys);

		private Opening(String municipality, PersonalDataKind kind) {
			this.municipality = municipality;
			this.kind = kind;
		}

		/** The values by vault id; an id the vault does not hold for this city and kind is a broken reference. */
		public Map<Long, String> values(Collection<Long> ids) {
			var opened = new HashMap<Long, String>(ids.size() * 2);
			// One primary key lookup per id, whatever the statistics say. Planned as a join, a table just grown by
			// a bulk load but not yet analysed looked like one row, and each page compared every value with every id.
			db.sql("""
					select v.id, v.kind, v.sealed from unnest(?::bigint[]) as wanted (id)
					cross join lateral (select id, kind, sealed from personal_value
					                    where tenant_id = ? and id = wanted.id limit 1) v
					""")
				.params(ids.stream().mapToLong(Long::longValue).toArray(), municipality)
				.query(row -> {
					if (kind.code().equals(row.getString(2))) {
						opened.put(row.getLong(1), seal.open(municipality, kind.code(), new Sealed(row.getBytes(3))));
					}
				});
			if (opened.size() != ids.size()) {
				throw new IllegalStateException((ids.size() - opened.size()) + " " + kind.code() + " references of "
						+ municipality + " point at no value in the vault");
			}
			return opened;
		}
	}

	private static String valid(PersonalDataKind kind, String value, int index) {
		try {
			return kind.normalize(value);
		} catch (InvalidValue e) {
			throw new InvalidInput("values[" + index + "]", e.code());
		}
	}

	/** A key ring that answers the keys given without asking the database; sealing and indexing need no others. */
	private static DataKeyRing pinnedTo(DataKey encryption, DataKey index) {
		return new DataKeyRing() {
			@Override
			public DataKey currentEncryptionKey(String municipality) {
				return encryption;
			}

			@Override
			public Optional<DataKey> encryptionKey(String municipality, int version) {
				return Optional.of(encryption).filter(key -> key.version() == version);
			}

			@Override
			public DataKey indexKey(String municipality) {
				return index;
			}
		};
	}
}
