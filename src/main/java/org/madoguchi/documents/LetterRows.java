package org.madoguchi.documents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.madoguchi.platform.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of letters and mailing batches. Every query names its municipality; row-level security backs it up. */
@Repository
class LetterRows {

	private static final String BATCH = """
			select id, letter_type, state, letter_count, created_at, closed_at, closed_by, mailed_at, mailed_by, counted
			from mailing_batch
			""";
	private static final String LETTER = """
			select id, letter_type, procedure_id, case_number, letter_date, batch_id, sequence, created_at, created_by
			from letter
			""";

	private final JdbcClient db;

	LetterRows(JdbcClient db) {
		this.db = db;
	}

	Optional<MailingBatch> batch(String municipality, long id) {
		return db.sql(BATCH + "where tenant_id = ? and id = ?").params(municipality, id).query(LetterRows::batch).optional();
	}

	MailingBatch lockedBatch(String municipality, long id) {
		return db.sql(BATCH + "where tenant_id = ? and id = ? for update").params(municipality, id).query(LetterRows::batch)
			.optional().orElseThrow(() -> new NotFound("id"));
	}

	/** The open batch of a type, locked, so that its next number stays this transaction's until it ends. */
	Optional<MailingBatch> lockedOpenBatch(String municipality, LetterType type) {
		return db.sql(BATCH + "where tenant_id = ? and letter_type = ? and state = 'open' for update")
			.params(municipality, type.code()).query(LetterRows::batch).optional();
	}

	/** Opens a batch unless another transaction just did; the partial unique index settles the race. */
	Optional<Long> openBatch(String municipality, LetterType type) {
		return db.sql("""
				insert into mailing_batch (tenant_id, letter_type) values (?, ?)
				on conflict (tenant_id, letter_type) where state = 'open' do nothing
				returning id
				""").params(municipality, type.code()).query(Long.class).optional();
	}

	List<MailingBatch> batches(String municipality, MailingBatch.State state, int limit) {
		return db.sql(BATCH + "where tenant_id = ? and (cast(? as text) is null or state = ?) order by created_at desc, id desc limit ?")
			.params(municipality, state == null ? null : state.code(), state == null ? null : state.code(), limit)
			.query(LetterRows::batch).list();
	}

	Optional<IssuedLetter> letter(String municipality, long id) {
		return db.sql(LETTER + "where tenant_id = ? and id = ?").params(municipality, id).query(LetterRows::letter).optional();
	}

	Optional<IssuedLetter> letterByKey(String municipality, String idempotencyKey) {
		return db.sql(LETTER + "where tenant_id = ? and idempotency_key = ?").params(municipality, idempotencyKey)
			.query(LetterRows::letter).optional();
	}

	List<IssuedLetter> lettersOfBatch(String municipality, long batchId) {
		return db.sql(LETTER + "where tenant_id = ? and batch_id = ? order by sequence").params(municipality, batchId)
			.query(LetterRows::letter).list();
	}

	List<IssuedLetter> lettersOfCase(String municipality, String caseNumber) {
		return db.sql(LETTER + "where tenant_id = ? and case_number = ? order by created_at, id").params(municipality, caseNumber)
			.query(LetterRows::letter).list();
	}

	Optional<byte[]> pdf(String municipality, long id) {
		return db.sql("select pdf from letter where tenant_id = ? and id = ?").params(municipality, id).query(byte[].class).optional();
	}

	List<Manifest.Row> manifest(String municipality, long batchId) {
		return db.sql("""
				select sequence, case_number, recipient_postal_code, letter_type from letter
				where tenant_id = ? and batch_id = ? order by sequence
				""").params(municipality, batchId).query((row, n) -> new Manifest.Row(row.getInt(1), row.getString(2),
						row.getString(3), LetterType.parse(row.getString(4)).orElseThrow())).list();
	}

	long insert(LetterRequest request, Long batchId, Integer sequence, String idempotencyKey, byte[] pdf, String createdBy) {
		return db.sql("""
				insert into letter (tenant_id, batch_id, letter_type, procedure_id, case_number, sequence, letter_date,
					recipient_postal_code, idempotency_key, pdf, created_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				returning id
				""").params(request.municipalityCode(), batchId, request.type().code(), request.procedureId(),
						request.caseNumber(), sequence, request.date(), request.recipient().postalCode(), idempotencyKey, pdf,
						createdBy)
			.query(Long.class).single();
	}

	int close(String municipality, long id, String by) {
		return db.sql("""
				update mailing_batch set state = 'closed-for-print', closed_at = now(), closed_by = ?
				where tenant_id = ? and id = ? and state = 'open'
				""").params(by, municipality, id).update();
	}

	void markMailed(String municipality, long id, int counted, String by) {
		db.sql("""
				update mailing_batch set state = 'mailed', mailed_at = now(), mailed_by = ?, counted = ?
				where tenant_id = ? and id = ? and state = 'closed-for-print'
				""").params(by, counted, municipality, id).update();
	}

	private static MailingBatch batch(ResultSet row, int n) throws SQLException {
		return new MailingBatch(row.getLong("id"), LetterType.parse(row.getString("letter_type")).orElseThrow(),
				MailingBatch.State.parse(row.getString("state")).orElseThrow(), row.getInt("letter_count"),
				instant(row, "created_at"), instant(row, "closed_at"), row.getString("closed_by"), instant(row, "mailed_at"),
				row.getString("mailed_by"), (Integer) row.getObject("counted"));
	}

	private static IssuedLetter letter(ResultSet row, int n) throws SQLException {
		return new IssuedLetter(row.getLong("id"), LetterType.parse(row.getString("letter_type")).orElseThrow(),
				row.getString("procedure_id"), row.getString("case_number"), row.getObject("letter_date", java.time.LocalDate.class),
				(Long) row.getObject("batch_id"), (Integer) row.getObject("sequence"), instant(row, "created_at"),
				row.getString("created_by"));
	}

	private static Instant instant(ResultSet row, String column) throws SQLException {
		Timestamp at = row.getTimestamp(column);
		return at == null ? null : at.toInstant();
	}
}
