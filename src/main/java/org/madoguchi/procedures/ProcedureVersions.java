package org.madoguchi.procedures;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The published versions in {@code procedure_version}; row-level security keeps each city to its own rows. */
@Repository
class ProcedureVersions {

	/** A stored version: the text as uploaded (kept so what was published can be shown exactly) and its format. */
	record Stored(String id, int version, String source, String format) {
	}

	private static final String COLUMNS = "procedure_id as id, version, source, source_format as format";

	private final JdbcClient db;

	ProcedureVersions(JdbcClient db) {
		this.db = db;
	}

	Optional<Stored> exact(String municipality, String id, int version) {
		return db.sql("select " + COLUMNS + " from procedure_version where tenant_id = ? and procedure_id = ? and version = ?")
			.params(municipality, id, version).query(Stored.class).optional();
	}

	/** The newest version number of each procedure the city published, without their texts. */
	Map<String, Integer> latestNumbers(String municipality) {
		var latest = new TreeMap<String, Integer>();
		db.sql("select procedure_id, max(version) from procedure_version where tenant_id = ? group by procedure_id")
			.param(municipality).query(row -> {
				latest.put(row.getString(1), row.getInt(2));
			});
		return latest;
	}

	/**
	 * Serialises publishers of one procedure until the transaction ends, so two uploads at once get
	 * consecutive versions instead of one failing on the primary key.
	 */
	void lock(String municipality, String id) {
		db.sql("select pg_advisory_xact_lock(hashtext('procedure_version'), hashtext(? || '/' || ?)) is null")
			.params(municipality, id).query(Boolean.class).single();
	}

	int highest(String municipality, String id) {
		return db.sql("select coalesce(max(version), 0) from procedure_version where tenant_id = ? and procedure_id = ?")
			.params(municipality, id).query(Integer.class).single();
	}

	void insert(String municipality, String id, int version, String definition, String source, String format, String by) {
		db.sql("""
				insert into procedure_version (tenant_id, procedure_id, version, definition, source, source_format, published_by)
				values (?, ?, ?, cast(? as jsonb), ?, ?, ?)
				""").params(municipality, id, version, definition, source, format, by).update();
	}
}
