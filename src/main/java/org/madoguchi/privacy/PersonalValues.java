package org.madoguchi.privacy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code personal_value}: sealed values with their blind index and mask, never the value itself. */
@Repository
class PersonalValues {

	/** One person's number is kept once per case at most; more matches than this means a search gone wrong. */
	static final int MAX_MATCHES = 100;

	private final JdbcClient db;

	PersonalValues(JdbcClient db) {
		this.db = db;
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
