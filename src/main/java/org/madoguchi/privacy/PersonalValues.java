package org.madoguchi.privacy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.madoguchi.platform.database.BulkCopy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code personal_value}: sealed values with their blind index and mask, never the value itself. */
@Repository
class PersonalValues {

	/** One person's number is kept once per case at most; more matches than this means a search gone wrong. */
	static final int MAX_MATCHES = 100;

	private final JdbcClient db;
	private final DataSource dataSource;

	PersonalValues(JdbcClient db, DataSource dataSource) {
		this.db = db;
		this.dataSource = dataSource;
	}

	record Stored(long id, PersonalDataKind kind, Sealed sealed, String masked) {
	}

	long add(String municipality, PersonalDataKind kind, Sealed sealed, BlindIndex index, String masked, String createdBy) {
		return db.sql("""
				insert into personal_value (tenant_id, kind, sealed, blind_index, masked, created_by)
				values (?, ?, ?, ?, ?, ?) returning id
				""").params(municipality, kind.code(), sealed.bytes(), index.bytes(), masked, createdBy)
			.query(Long.class).single();
	}

	/**
	 * Adds many values and answers their ids in the order given. The rows are COPY'd into a temporary table
	 * and inserted from there, because PostgreSQL refuses COPY into a table under row-level security; the
	 * ids are taken from the table's sequence first, because a set-based insert cannot say which generated
	 * id went to which row.
	 */
	long[] addAll(String municipality, PersonalDataKind kind, List<Sealed> sealed, List<BlindIndex> indexes, List<String> masks,
			String createdBy) {
		long[] ids = db.sql("select nextval(pg_get_serial_sequence('personal_value', 'id')) from generate_series(1, ?)")
			.param(sealed.size()).query(Long.class).list().stream().mapToLong(Long::longValue).toArray();
		db.sql("""
				create temporary table if not exists personal_value_load (id bigint, sealed bytea, blind_index bytea, masked text)
				on commit drop
				""").update();
		db.sql("truncate personal_value_load").update();
		try (var copy = BulkCopy.into(dataSource, "copy personal_value_load (id, sealed, blind_index, masked) from stdin")) {
			for (int i = 0; i < ids.length; i++) {
				copy.number(ids[i]).bytes(sealed.get(i).bytes()).bytes(indexes.get(i).bytes()).text(masks.get(i)).endRow();
			}
			copy.finish();
		}
		db.sql("""
				insert into personal_value (tenant_id, id, kind, sealed, blind_index, masked, created_by) overriding system value
				select ?, id, ?, sealed, blind_index, masked, ? from personal_value_load
				""").params(municipality, kind.code(), createdBy).update();
		return ids;
	}

	Optional<Stored> find(String municipality, long id) {
		return db.sql("select id, kind, sealed, masked from personal_value where tenant_id = ? and id = ?")
			.params(municipality, id).query(PersonalValues::stored).optional();
	}

	List<PersonalValue> matching(String municipality, PersonalDataKind kind, BlindIndex index) {
		return db.sql("""
				select id, kind, masked from personal_value
				where tenant_id = ? and kind = ? and blind_index = ? order by id limit ?
				""").params(municipality, kind.code(), index.bytes(), MAX_MATCHES)
			.query((row, n) -> new PersonalValue(row.getLong("id"), kind(row), row.getString("masked"))).list();
	}

	private static Stored stored(ResultSet row, int number) throws SQLException {
		return new Stored(row.getLong("id"), kind(row), new Sealed(row.getBytes("sealed")), row.getString("masked"));
	}

	private static PersonalDataKind kind(ResultSet row) throws SQLException {
		String code = row.getString("kind");
		return PersonalDataKind.parse(code).orElseThrow(() -> new IllegalStateException("unknown kind in personal_value: " + code));
	}
}
