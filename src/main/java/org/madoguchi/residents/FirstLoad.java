package org.madoguchi.residents;

import javax.sql.DataSource;

import org.madoguchi.platform.database.BinaryCopy;
import org.madoguchi.privacy.PersonalDataKind;
import org.madoguchi.privacy.PersonalDataVault;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A city's first extract, which is all new residents: written by COPY straight into a new partition of
 * {@code resident_version}, without indexes, row-level security or a staging table, then indexed in one
 * sort each and attached. Maintaining two indexes row by row costs several times the COPY itself. The new
 * table is visible to no other transaction until commit, and holds only the rows written here, for this
 * municipality; once attached, the parent table's policies govern every access to it. Each My Number is
 * sealed as its row streams past and written with it (decision 0011), so the file is read once and the
 * COPY never stops; the COPY is binary, so the server parses no dates and decodes no hex.
 */
final class FirstLoad implements ExtractLoad, AutoCloseable {

	/** Not tenant_id and extract_id, the same in every row: the table's defaults for the load (see the constructor). */
	private static final String COLUMNS = """
			resident_id, valid_from, household_id, relationship, name, name_kana, match_key, birth_date, sex, postal_code, address,
			registered_on, removed_on, removal_reason, my_number_sealed, my_number_masked, my_number_index""";

	private final JdbcClient db;
	private final String municipality;
	private final String table;
	private final PersonalDataVault.Sealing sealing;
	private final BinaryCopy copy;
	/** Sealing and encoding run on a thread of their own while this one reads and checks the file. */
	private final Handoff<ExtractRow> writer;
	private int rows;

	private FirstLoad(JdbcClient db, DataSource dataSource, PersonalDataVault vault, String municipality, long extractId) {
		this.db = db;
		this.municipality = municipality;
		this.table = RegisterRows.partition(municipality);
		this.sealing = vault.sealing(municipality, PersonalDataKind.MY_NUMBER);
		db.sql("create table %1$s (like resident_version including defaults including constraints, check (tenant_id = '%2$s'))"
			.formatted(table, municipality)).update();
		// the city and the extract as defaults rather than in every row of the COPY: on PostgreSQL alone, two columns
		// fewer to receive made the COPY of 1.5 million rows about 4 % faster; dropped again before the table is attached
		db.sql("alter table %s alter tenant_id set default '%s', alter extract_id set default %d".formatted(table, municipality, extractId))
			.update();
		this.copy = BinaryCopy.into(dataSource, "copy %s (%s) from stdin (format binary)".formatted(table, COLUMNS));
		this.writer = new Handoff<>("register-load-" + municipality, this::write);
	}

	/** The city has no partition yet, so this extract is its first; call under the import's lock. */
	static boolean applies(JdbcClient db, String municipality) {
		return db.sql("select to_regclass(?) is null").param(RegisterRows.partition(municipality)).query(Boolean.class).single();
	}

	/** Creates the partition-to-be, with the check that lets it be attached without a second scan, and starts the COPY. */
	static FirstLoad begin(JdbcClient db, DataSource dataSource, PersonalDataVault vault, String municipality, long extractId) {
		return new FirstLoad(db, dataSource, vault, municipality, extractId);
	}

	@Override
	public void add(ExtractRow row) {
		rows++;
		writer.add(row);
	}

	/** On the writer's thread only: the sealing keeps its cipher, and the COPY takes one writer. */
	private void write(ExtractRow row) {
		copy.text(row.residentId()).date(row.registeredOn()).text(row.householdId()).text(row.relationship())
			.text(row.name()).text(row.nameKana()).text(row.matchKey()).date(row.birthDate()).text(RegisterRows.sexCode(row.sex()))
			.text(row.postalCode()).text(row.address()).date(row.registeredOn()).date(row.removedOn()).text(row.removalReason());
		if (row.myNumber() == null) {
			copy.bytes(null).text(null).bytes(null);
		} else {
			var sealed = sealing.seal(row.myNumber().value());
			copy.bytes(sealed.sealed().bytes()).text(sealed.masked()).bytes(sealed.index().bytes());
		}
		copy.endRow();
	}

	@Override
	public int rows() {
		return rows;
	}

	/** Waits for the writer to catch up, ends the COPY and records the sealing; answers how many were sealed. */
	int endCopy() {
		writer.finish();
		copy.finish();
		return sealing.recorded("resident");
	}

	/** Builds the indexes, puts the parent's policy on the table too, and attaches it. */
	void attach() {
		db.sql("alter table %s alter tenant_id drop default, alter extract_id drop default".formatted(table)).update();
		// the indexes are sorted in memory rather than in temporary files; the order of their columns is V20's
		db.sql("select set_config('maintenance_work_mem', '512MB', true)").query().singleValue();
		db.sql("alter table %s add primary key (resident_id, valid_to, tenant_id)".formatted(table)).update();
		db.sql("create index on %s (birth_date, match_key)".formatted(table)).update();
		db.sql("alter table %s enable row level security".formatted(table)).update();
		db.sql("alter table %s force row level security".formatted(table)).update();
		db.sql("""
				create policy tenant_isolation on %s using (tenant_id = any (madoguchi_tenants()))
				with check (tenant_id = any (madoguchi_tenants()))
				""".formatted(table)).update();
		db.sql("alter table resident_version attach partition %s for values in ('%s')".formatted(table, municipality)).update();
		db.sql("analyze %s %s".formatted(table, RegisterRows.PLANNED_COLUMNS)).update();
	}

	/** A load that failed half-way leaves no COPY open on the connection the rollback needs. */
	@Override
	public void close() {
		writer.close();
		copy.close();
	}
}
