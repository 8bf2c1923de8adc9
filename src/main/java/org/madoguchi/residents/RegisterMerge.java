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
 * new one opened; an identical row changes nothing, so the same extract applied twice adds nothing.
 */
final class RegisterMerge {

	/** The fields an extract says about a person; one differing field makes a new version. */
	private static final List<String> FIELD_NAMES = List.of("household_id", "relationship", "name", "name_kana", "birth_date",
			"sex", "postal_code", "address", "registered_on", "removed_on", "removal_reason");
	private static final String FIELDS = String.join(", ", FIELD_NAMES);

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
	 * Takes out, and answers as rejected, the rows that would change a resident whose version in force came
	 * from an extract dated after this one: applying them would date old news after newer news. Identical
	 * rows stay (they change nothing), so extracts of different dates may still overlap.
	 */
	List<RegisterImport.Rejected> outdated() {
		return db.sql("""
				delete from register_staging s using resident_version v, register_extract e
				where v.tenant_id = ? and v.resident_id = s.resident_id and v.valid_to is null
				  and e.tenant_id = v.tenant_id and e.id = v.extract_id and e.as_of > ?
				  and (%1$s) is distinct from (%2$s)
				returning s.line, e.as_of
				""".formatted(qualified("v"), qualified("s"))).params(municipality, asOf)
			.query((row, n) -> new RegisterImport.Rejected(row.getInt("line"),
					List.of(Problem.of("row", "outdated", row.getObject("as_of", LocalDate.class).toString()))))
			.list();
	}

	/**
	 * Staged rows whose My Number the register does not have yet for that resident (new residents, and
	 * numbers that changed), by their fingerprint: only these are worth the cost of sealing.
	 */
	int[] needingMyNumber() {
		return db.sql("""
				select s.seq from register_staging s
				left join resident r on r.tenant_id = ? and r.resident_id = s.resident_id
				where s.my_number_index is not null and r.my_number_index is distinct from s.my_number_index
				order by s.seq
				""").param(municipality).withFetchSize(10_000).query(Integer.class).stream().mapToInt(Integer::intValue).toArray();
	}

	/**
	 * Applies the staged rows to the versions and answers how many residents changed. Runs before the My
	 * Numbers are sealed, because sealing takes the city's audit chain lock, which is best held briefly.
	 */
	int versions() {
		// the changed rows are listed once, because closing their versions hides what they were compared with
		db.sql("create temporary table register_change (seq int not null, valid_from date not null) on commit drop").update();
		db.sql("""
				insert into register_change (seq, valid_from)
				select s.seq, v.valid_from from register_staging s
				join resident_version v on v.tenant_id = ? and v.resident_id = s.resident_id and v.valid_to is null
				where (%1$s) is distinct from (%2$s)
				""".formatted(qualified("v"), qualified("s"))).param(municipality).update();
		int closed = db.sql("""
				update resident_version v set valid_to = ?
				from register_change c join register_staging s on s.seq = c.seq
				where v.tenant_id = ? and v.resident_id = s.resident_id and v.valid_to is null and c.valid_from < ?
				""").params(asOf, municipality, asOf).update();
		// a version that starts on or after the extract's date is corrected where it stands: closing it
		// would leave an empty period
		int corrected = db.sql("""
				update resident_version v set (%1$s, match_key, extract_id) = (%2$s, s.match_key, ?)
				from register_change c join register_staging s on s.seq = c.seq
				where v.tenant_id = ? and v.resident_id = s.resident_id and v.valid_to is null and c.valid_from >= ?
				""".formatted(FIELDS, qualified("s"))).params(extractId, municipality, asOf).update();
		db.sql("""
				insert into resident_version (tenant_id, resident_id, valid_from, %1$s, match_key, extract_id)
				select ?, s.resident_id, ?, %2$s, s.match_key, ?
				from register_change c join register_staging s on s.seq = c.seq where c.valid_from < ?
				""".formatted(FIELDS, qualified("s"))).params(municipality, asOf, extractId, asOf).update();
		// first versions: every staged resident that has no version at all yet
		db.sql("""
				insert into resident_version (tenant_id, resident_id, valid_from, %1$s, match_key, extract_id)
				select ?, s.resident_id, s.registered_on, %2$s, s.match_key, ?
				from register_staging s
				where not exists (select 1 from resident_version v where v.tenant_id = ? and v.resident_id = s.resident_id)
				""".formatted(FIELDS, qualified("s"))).params(municipality, extractId, municipality).update();
		return closed + corrected;
	}

	/**
	 * Adds the residents new to the register and gives existing ones the My Numbers sealed for them
	 * (staged in {@code register_sealed}); answers how many are new.
	 */
	int residents() {
		db.sql("""
				update resident r set my_number_ref = m.ref, my_number_masked = m.masked, my_number_index = s.my_number_index,
				    updated_at = now()
				from register_sealed m join register_staging s on s.seq = m.seq
				where r.tenant_id = ? and r.resident_id = s.resident_id
				""").param(municipality).update();
		int created = db.sql("""
				insert into resident (tenant_id, resident_id, my_number_ref, my_number_masked, my_number_index)
				select ?, s.resident_id, m.ref, m.masked, s.my_number_index
				from register_staging s left join register_sealed m on m.seq = s.seq
				where not exists (select 1 from resident r where r.tenant_id = ? and r.resident_id = s.resident_id)
				""").params(municipality, municipality).update();
		return created;
	}

	private static String qualified(String alias) {
		return FIELD_NAMES.stream().map(field -> alias + "." + field).collect(Collectors.joining(", "));
	}
}
