package org.madoguchi.residents;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import javax.sql.DataSource;

import org.madoguchi.platform.database.BulkCopy;
import org.madoguchi.privacy.BlindIndex;
import org.madoguchi.privacy.PersonalDataKind;
import org.madoguchi.privacy.PersonalDataVault;
import org.madoguchi.privacy.PersonalValue;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A city's first extract, which is all new residents: written by COPY straight into a new partition of
 * {@code resident_version}, without indexes, row-level security or a staging table, then indexed in one
 * sort each and attached. Maintaining two indexes row by row costs several times the COPY itself. The new
 * table is visible to no other transaction until commit, and holds only the rows written here, for this
 * municipality; once attached, the parent table's policies govern every access to it.
 */
final class FirstLoad implements ExtractLoad, AutoCloseable {

	/**
	 * Rows with a My Number wait in memory, this many at a time, until the vault has sealed their numbers;
	 * rows without one stream straight through. The vault writes one audit entry per batch.
	 */
	static final int BATCH = 50_000;

	private static final String COLUMNS = """
			tenant_id, resident_id, valid_from, household_id, relationship, name, name_kana, match_key, birth_date, sex,
			postal_code, address, registered_on, removed_on, removal_reason, my_number_ref, my_number_masked, my_number_index,
			extract_id""";

	private final JdbcClient db;
	private final DataSource dataSource;
	private final PersonalDataVault vault;
	private final Function<String, BlindIndex> fingerprints;
	private final String municipality;
	private final long extractId;
	private final String table;
	private final List<ExtractRow> batch = new ArrayList<>(BATCH);
	private BulkCopy copy;
	private int rows;
	private int sealed;

	private FirstLoad(JdbcClient db, DataSource dataSource, PersonalDataVault vault, String municipality, long extractId) {
		this.db = db;
		this.dataSource = dataSource;
		this.vault = vault;
		this.fingerprints = vault.fingerprints(municipality, PersonalDataKind.MY_NUMBER);
		this.municipality = municipality;
		this.extractId = extractId;
		this.table = RegisterRows.partition(municipality);
	}

	/** The city has no partition yet, so this extract is its first; call under the import's lock. */
	static boolean applies(JdbcClient db, String municipality) {
		return db.sql("select to_regclass(?) is null").param(RegisterRows.partition(municipality)).query(Boolean.class).single();
	}

	/** Creates the partition-to-be, with the check that lets it be attached without a second scan. */
	static FirstLoad begin(JdbcClient db, DataSource dataSource, PersonalDataVault vault, String municipality, long extractId) {
		var load = new FirstLoad(db, dataSource, vault, municipality, extractId);
		db.sql("create table %1$s (like resident_version including defaults including constraints, check (tenant_id = '%2$s'))"
			.formatted(load.table, municipality)).update();
		return load;
	}

	@Override
	public void add(ExtractRow row) {
		rows++;
		if (row.myNumber() == null) {
			write(row, null);
		} else {
			batch.add(row);
			if (batch.size() == BATCH) {
				flush();
			}
		}
	}

	@Override
	public int rows() {
		return rows;
	}

	int sealed() {
		return sealed;
	}

	/** Writes what is left, builds the indexes, puts the parent's policy on the table too, and attaches it. */
	void finish() {
		flush();
		// the indexes are sorted in memory rather than in temporary files
		db.sql("select set_config('maintenance_work_mem', '512MB', true)").query().singleValue();
		db.sql("alter table %s add primary key (tenant_id, resident_id, valid_to)".formatted(table)).update();
		db.sql("create index on %s (tenant_id, match_key, birth_date)".formatted(table)).update();
		db.sql("alter table %s enable row level security".formatted(table)).update();
		db.sql("alter table %s force row level security".formatted(table)).update();
		db.sql("""
				create policy tenant_isolation on %s using (tenant_id = any (madoguchi_tenants()))
				with check (tenant_id = any (madoguchi_tenants()))
				""".formatted(table)).update();
		db.sql("alter table resident_version attach partition %s for values in ('%s')".formatted(table, municipality)).update();
		db.sql("analyze %s".formatted(table)).update();
	}

	/** Seals the waiting rows' My Numbers (all new: the city has no register yet), then writes the rows. */
	private void flush() {
		endCopy();
		if (batch.isEmpty()) {
			return;
		}
		var stored = vault.storeAll(municipality, PersonalDataKind.MY_NUMBER,
				batch.stream().map(row -> row.myNumber().value()).toList());
		sealed += stored.size();
		for (int i = 0; i < batch.size(); i++) {
			write(batch.get(i), stored.get(i));
		}
		batch.clear();
		endCopy();
	}

	private void write(ExtractRow row, PersonalValue myNumber) {
		if (copy == null) {
			copy = BulkCopy.into(dataSource, "copy %s (%s) from stdin".formatted(table, COLUMNS));
		}
		copy.text(municipality).text(row.residentId()).date(row.registeredOn()).text(row.householdId()).text(row.relationship())
			.text(row.name()).text(row.nameKana()).text(row.matchKey()).date(row.birthDate()).text(RegisterRows.sexCode(row.sex()))
			.text(row.postalCode()).text(row.address()).date(row.registeredOn()).date(row.removedOn()).text(row.removalReason());
		if (myNumber == null) {
			copy.text(null).text(null).bytes(null);
		} else {
			copy.number(myNumber.id()).text(myNumber.masked()).bytes(fingerprints.apply(row.myNumber().value()).bytes());
		}
		copy.number(extractId).endRow();
	}

	/** A load that failed half-way leaves no COPY open on the connection the rollback needs. */
	@Override
	public void close() {
		if (copy != null) {
			copy.close();
			copy = null;
		}
	}

	/** The vault needs the connection, and a connection does one COPY at a time. */
	private void endCopy() {
		if (copy != null) {
			try (var ending = copy) {
				ending.finish();
			}
			copy = null;
		}
	}
}
