package org.madoguchi.privacy;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import org.madoguchi.audit.AuditEvent;
import org.madoguchi.audit.AuditTrail;
import org.madoguchi.privacy.keys.DataKeyRing;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opening the vault for machine work over whole files, such as the transfer file of a payment batch of
 * hundreds of thousands of bank accounts: values of one kind opened a page at a time, with one audit entry
 * for the whole use instead of one per value. Keeping values in bulk is {@link PersonalDataVault#storeAll}.
 */
@Service
public class BulkVault {

	private final JdbcClient db;
	private final DataKeyRing keys;
	private final AuditTrail audit;

	BulkVault(JdbcClient db, DataKeyRing keys, AuditTrail audit) {
		this.db = db;
		this.keys = keys;
		this.audit = audit;
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

	/**
	 * Values opened page by page, so a file of any size never holds more than a page of them in clear. One
	 * thread only: the opening keeps its cipher.
	 */
	public final class Opening {

		private final String municipality;
		private final PersonalDataKind kind;
		private final Function<Sealed, String> opener;

		private Opening(String municipality, PersonalDataKind kind) {
			this.municipality = municipality;
			this.kind = kind;
			this.opener = new Seal(keys).opener(municipality, kind.code());
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
						opened.put(row.getLong(1), opener.apply(new Sealed(row.getBytes(3))));
					}
				});
			if (opened.size() != ids.size()) {
				throw new IllegalStateException((ids.size() - opened.size()) + " " + kind.code() + " references of "
						+ municipality + " point at no value in the vault");
			}
			return opened;
		}
	}
}
