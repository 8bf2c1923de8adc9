package org.madoguchi.residents;

import java.util.Arrays;
import java.util.function.Function;
import java.util.function.IntFunction;

import javax.sql.DataSource;

import org.madoguchi.platform.database.BulkCopy;
import org.madoguchi.privacy.BlindIndex;
import org.madoguchi.privacy.SealedValue;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An extract's good rows on their way in: COPY'd into a temporary table (no WAL, no index, dropped at
 * commit) from which {@link RegisterMerge} applies them with a few set-based statements. A My Number never
 * goes into the table: only its blind index does, while the number waits in memory (as a long, 8 bytes a
 * row) in case the merge finds it new and it must be sealed.
 */
final class RegisterStaging implements ExtractLoad, AutoCloseable {

	private static final String CREATE = """
			create temporary table register_staging (
			    seq int not null, line int not null, resident_id text not null, household_id text not null,
			    relationship text not null, name text not null, name_kana text not null, match_key text not null,
			    birth_date date not null, sex text not null, postal_code text not null, address text not null,
			    registered_on date not null, removed_on date, removal_reason text, my_number_index bytea
			) on commit drop
			""";
	private static final String COPY = """
			copy register_staging (seq, line, resident_id, household_id, relationship, name, name_kana, match_key, birth_date,
			    sex, postal_code, address, registered_on, removed_on, removal_reason, my_number_index) from stdin
			""";

	private final JdbcClient db;
	private final DataSource dataSource;
	private final BulkCopy copy;
	private final Function<String, BlindIndex> fingerprints;
	private long[] myNumbers = new long[1 << 16];
	private int rows;

	private RegisterStaging(JdbcClient db, DataSource dataSource, Function<String, BlindIndex> fingerprints) {
		this.db = db;
		this.dataSource = dataSource;
		this.fingerprints = fingerprints;
		db.sql(CREATE).update();
		db.sql("create temporary table register_sealed (seq int not null, sealed bytea not null, masked text not null) on commit drop")
			.update();
		this.copy = BulkCopy.into(dataSource, COPY);
	}

	/** Creates the staging tables in the caller's transaction and starts copying rows into the first. */
	static RegisterStaging open(JdbcClient db, DataSource dataSource, Function<String, BlindIndex> fingerprints) {
		return new RegisterStaging(db, dataSource, fingerprints);
	}

	@Override
	public void add(ExtractRow row) {
		int seq = rows++;
		if (seq == myNumbers.length) {
			myNumbers = Arrays.copyOf(myNumbers, seq * 2);
		}
		byte[] index = null;
		if (row.myNumber() != null) {
			myNumbers[seq] = Long.parseLong(row.myNumber().value());
			index = fingerprints.apply(row.myNumber().value()).bytes();
		}
		copy.number(seq).number(row.line()).text(row.residentId()).text(row.householdId()).text(row.relationship())
			.text(row.name()).text(row.nameKana()).text(row.matchKey()).date(row.birthDate()).text(RegisterRows.sexCode(row.sex()))
			.text(row.postalCode()).text(row.address()).date(row.registeredOn()).date(row.removedOn()).text(row.removalReason())
			.bytes(index).endRow();
	}

	@Override
	public int rows() {
		return rows;
	}

	/** Ends the COPY; the table is then complete and is analysed for the merge's plans. */
	void finish() {
		copy.finish();
		db.sql("analyze register_staging").update();
	}

	/** The My Number staged with {@code seq}, in its 12-digit form. */
	String myNumber(int seq) {
		String digits = Long.toString(myNumbers[seq]);
		return "0".repeat(12 - digits.length()) + digits;
	}

	/**
	 * Seals the numbers staged with {@code seqs} and stages their seals for the merge; then forgets every
	 * number, rather than whenever the collector gets to them.
	 */
	void seal(int[] seqs, IntFunction<SealedValue> sealer) {
		try (var sealed = BulkCopy.into(dataSource, "copy register_sealed (seq, sealed, masked) from stdin")) {
			for (int seq : seqs) {
				var value = sealer.apply(seq);
				sealed.number(seq).bytes(value.sealed().bytes()).text(value.masked()).endRow();
			}
			sealed.finish();
		}
		Arrays.fill(myNumbers, 0L);
		db.sql("analyze register_sealed").update();
	}

	/** Also when the import failed half-way: no number stays behind, no COPY stays open on the connection. */
	@Override
	public void close() {
		Arrays.fill(myNumbers, 0L);
		copy.close();
	}
}
