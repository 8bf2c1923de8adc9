package org.madoguchi.residents;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import org.madoguchi.platform.Problem;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Applies the staged rows of an extract to the register with set-based statements, in the caller's
 * transaction. A resident new to the register gets a first version starting on their registration date; a
 * resident whose row differs from the version in force gets that version closed on the extract's date and a
 * new one opened; an identical row changes nothing, so the same extract applied twice adds nothing. A blank
 * My Number keeps the one the register has: extracts leave it out where the city may not hand it over.
 */
final class RegisterMerge {

	/** The fields an extract says about a person; one differing field makes a new version. */
	private static final List<String> FIELD_NAMES = List.of("household_id", "relationship", "name", "name_kana", "birth_date",
			"sex", "postal_code", "address", "registered_on", "removed_on", "removal_reason");
	private static final String FIELDS = String.join(", ", FIELD_NAMES);
	/** A staged row {@code s} that says something else than the version {@code v} in force. */
	private static final String DIFFERS = """
			((%1$s) is distinct from (%2$s)
			 or s.my_number_index is not null and s.my_number_index is distinct from v.my_number_index)
			""".formatted(qualified("v"), qualified("s"));

	/** Rows written after which the table's statistics are refreshed before the next query plans with them. */
	static final int REPLAN_AFTER = 10_000;

	private final JdbcClient db;
	private final String municipality;
	private final LocalDate asOf;
	private final long extractId;

	RegisterMerge(JdbcClient db, String municipality, LocalDate asOf, long extractId) {
		this.db = db;
		this.municipality = municipality;
		this.asOf = asOf;
		this.extractId = extractId;
	}

	/**
	 * Compares every staged row with the version in force, once: a row is new (no version yet), changed, or
	 * identical and then left out of everything that follows. The comparison is the one pass over the whole
	 * register that every import pays; what follows touches only the rows that differ.
	 */
	void compare() {
		db.sql("""
				create temporary table register_change (
				    seq int not null, line int not null, resident_id text not null, new boolean not null, valid_from date,
				    my_number_sealed bytea, my_number_masked text, my_number_index bytea, seal boolean not null, extract_id bigint
				) on commit drop
				""").update();
		db.sql("""
				insert into register_change
				select s.seq, s.line, s.resident_id, v.resident_id is null, v.valid_from, v.my_number_sealed, v.my_number_masked,
				    v.my_number_index, s.my_number_index is not null and s.my_number_index is distinct from v.my_number_index,
				    v.extract_id
				from register_staging s
				left join resident_version v on v.tenant_id = ? and v.resident_id = s.resident_id and v.valid_to = 'infinity'
				where v.resident_id is null or %s
				""".formatted(DIFFERS)).param(municipality).update();
		db.sql("analyze register_change").update();
	}

	/**
	 * Takes out, and answers as rejected, the rows that would change a resident whose version in force came
	 * from an extract dated after this one: applying them would date old news after newer news. Identical
	 * rows were never in question (they change nothing), so extracts of different dates may overlap.
	 */
	List<RegisterImport.Rejected> outdated() {
		return db.sql("""
				delete from register_change c using register_extract e
				where e.tenant_id = ? and e.id = c.extract_id and e.as_of > ?
				returning c.line, e.as_of
				""").params(municipality, asOf)
			.query((row, n) -> new RegisterImport.Rejected(row.getInt("line"),
					List.of(Problem.of("row", "outdated", row.getObject("as_of", LocalDate.class).toString()))))
			.list();
	}

	/**
	 * Staged rows whose My Number the register does not have yet for that resident (new residents, and
	 * numbers that changed), by their fingerprint: only these are worth the cost of sealing.
	 */
	int[] needingMyNumber() {
		return db.sql("select seq from register_change where seal order by seq").withFetchSize(10_000).query(Integer.class).stream()
			.mapToInt(Integer::intValue).toArray();
	}

	/**
	 * Applies the rows that differ, with the My Numbers sealed for them in {@code register_sealed}, and
	 * answers how many residents are new and how many changed.
	 */
	Counts apply() {
		var counts = db.sql("select count(*) filter (where new), count(*) filter (where not new) from register_change")
			.query((row, n) -> new Counts(row.getInt(1), row.getInt(2))).single();
		if (counts.changed() > 0) {
			changeVersions();
		}
		if (counts.created() > 0) {
			db.sql("""
					insert into resident_version (tenant_id, resident_id, valid_from, %1$s, match_key, my_number_sealed,
					    my_number_masked, my_number_index, extract_id)
					select ?, s.resident_id, s.registered_on, %2$s, s.match_key, m.sealed, m.masked, s.my_number_index, ?
					from register_change c join register_staging s on s.seq = c.seq left join register_sealed m on m.seq = c.seq
					where c.new
					""".formatted(FIELDS, qualified("s"))).params(municipality, extractId).update();
		}
		if (counts.created() + counts.changed() > REPLAN_AFTER) {
			// autovacuum would analyse the partition only after commit; this city's next queries must not
			// plan for the register as it was (the parent is not analysed: that would sample every city)
			db.sql("analyze " + RegisterRows.partition(municipality) + " " + RegisterRows.PLANNED_COLUMNS).update();
		}
		return counts;
	}

	/** Closes the versions in force of changed residents on the extract's date and opens the new ones. */
	private void changeVersions() {
		db.sql("""
				update resident_version v set valid_to = ? from register_change c
				where not c.new and c.valid_from < ? and v.tenant_id = ? and v.resident_id = c.resident_id and v.valid_to = 'infinity'
				""").params(asOf, asOf, municipality).update();
		// a version that starts on or after the extract's date is corrected where it stands: closing it
		// would leave an empty period
		db.sql("""
				update resident_version v set (%1$s, match_key, my_number_sealed, my_number_masked, my_number_index, extract_id)
				    = (%2$s, s.match_key, coalesce(m.sealed, v.my_number_sealed), coalesce(m.masked, v.my_number_masked),
				       coalesce(s.my_number_index, v.my_number_index), ?)
				from register_change c join register_staging s on s.seq = c.seq left join register_sealed m on m.seq = c.seq
				where not c.new and c.valid_from >= ? and v.tenant_id = ? and v.resident_id = c.resident_id
				  and v.valid_to = 'infinity'
				""".formatted(FIELDS, qualified("s"))).params(extractId, asOf, municipality).update();
		db.sql("""
				insert into resident_version (tenant_id, resident_id, valid_from, %1$s, match_key, my_number_sealed,
				    my_number_masked, my_number_index, extract_id)
				select ?, s.resident_id, ?, %2$s, s.match_key, coalesce(m.sealed, c.my_number_sealed), coalesce(m.masked, c.my_number_masked),
				    coalesce(s.my_number_index, c.my_number_index), ?
				from register_change c join register_staging s on s.seq = c.seq left join register_sealed m on m.seq = c.seq
				where not c.new and c.valid_from < ?
				""".formatted(FIELDS, qualified("s"))).params(municipality, asOf, extractId, asOf).update();
	}

	record Counts(int created, int changed) {
	}

	private static String qualified(String alias) {
		return FIELD_NAMES.stream().map(field -> alias + "." + field).collect(Collectors.joining(", "));
	}
}
