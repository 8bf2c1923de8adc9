package org.madoguchi.procedures;

import java.util.List;
import java.util.Optional;

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

	Optional<Stored> latest(String municipality, String id) {
		return db.sql("select " + COLUMNS + """
				 from procedure_version where tenant_id = ? and procedure_id = ? order by version desc limit 1
				""").params(municipality, id).query(Stored.class).optional();
	}

	Optional<Stored> exact(String municipality, String id, int version) {
		return db.sql("select " + COLUMNS + " from procedure_version where tenant_id = ? and procedure_id = ? and version = ?")
			.params(municipality, id, version).query(Stored.class).optional();
	}

	List<Stored> latestOfEach(String municipality) {
		return db.sql("select distinct on (procedure_id) " + COLUMNS + """
				 from procedure_version where tenant_id = ? order by procedure_id, version desc
				""").param(municipality).query(Stored.class).list();
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
