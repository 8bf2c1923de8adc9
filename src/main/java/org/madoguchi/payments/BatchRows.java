package org.madoguchi.payments;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.madoguchi.japan.ZenginText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code payment_batch}: one row per batch, with the payer its file's header names. */
@Repository
class BatchRows {

	/** A stored batch: the summary, the payer, and the hash of its file once written. */
	record Batch(BatchSummary summary, Payer payer, byte[] fileSha256) {

		long id() {
			return summary.id();
		}

		BatchState state() {
			return summary.state();
		}
	}

	private static final String COLUMNS = """
			id, purpose, transfer_date, payment_count, total, skipped, state, file_sha256, requester_code, payer_name,
			payer_bank_code, payer_bank_name, payer_branch_code, payer_branch_name, payer_account_type, payer_account
			""";

	private final JdbcClient db;

	BatchRows(JdbcClient db) {
		this.db = db;
	}

	long add(String municipality, String purpose, LocalDate transferDate, Payer payer, int count, long total, int skipped,
			String createdBy) {
		BankAccount account = payer.account();
		return db.sql("""
				insert into payment_batch (tenant_id, purpose, transfer_date, requester_code, payer_name, payer_bank_code,
				    payer_bank_name, payer_branch_code, payer_branch_name, payer_account_type, payer_account,
				    payment_count, total, skipped, created_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				returning id
				""")
			.params(municipality, purpose, transferDate, payer.requesterCode(), payer.name().value(), account.bankCode(),
					account.bankName().value(), account.branchCode(), account.branchName().value(), account.type().code(),
					account.number(), count, total, skipped, createdBy)
			.query(Long.class).single();
	}

	Optional<Batch> find(String municipality, long id) {
		return db.sql("select " + COLUMNS + " from payment_batch where tenant_id = ? and id = ?").params(municipality, id)
			.query(BatchRows::batch).optional();
	}

	/** The batch locked against a concurrent state change, for the transitions. */
	Optional<Batch> lock(String municipality, long id) {
		return db.sql("select " + COLUMNS + " from payment_batch where tenant_id = ? and id = ? for update")
			.params(municipality, id).query(BatchRows::batch).optional();
	}

	List<BatchSummary> ofPurpose(String municipality, String purpose) {
		return db.sql("select " + COLUMNS + " from payment_batch where tenant_id = ? and purpose = ? order by id")
			.params(municipality, purpose).query(BatchRows::batch).list().stream().map(Batch::summary).toList();
	}

	void markSent(String municipality, long id, String by) {
		db.sql("update payment_batch set state = 'sent', sent_at = now(), sent_by = ? where tenant_id = ? and id = ?")
			.params(by, municipality, id).update();
	}

	/** Cancels the batch and, in the same transaction, frees the references its payments held. */
	void cancel(String municipality, long id, String by) {
		db.sql("""
				update payment_batch set state = 'cancelled', cancelled_at = now(), cancelled_by = ?
				where tenant_id = ? and id = ?
				""").params(by, municipality, id).update();
		db.sql("update payment set live = false where tenant_id = ? and batch_id = ? and live")
			.params(municipality, id).update();
	}

	void fileGenerated(String municipality, long id, byte[] sha256) {
		db.sql("""
				update payment_batch set file_sha256 = ?, file_generated_at = now()
				where tenant_id = ? and id = ? and file_sha256 is null
				""").params(sha256, municipality, id).update();
	}

	/** Scheduled counts come from the batches (each checked against its rows when made), returns from the few returned rows. */
	PurposeTotals totals(String municipality, String purpose) {
		return db.sql("""
				with batches as (
				    select count(*) as batches, coalesce(sum(payment_count), 0) as count, coalesce(sum(total), 0) as yen
				    from payment_batch where tenant_id = ? and purpose = ? and state <> 'cancelled'),
				returned as (
				    select count(*) as count, coalesce(sum(amount), 0) as yen
				    from payment where tenant_id = ? and purpose = ? and status = 'returned')
				select b.batches, b.count, b.yen, r.count, r.yen from batches b, returned r
				""").params(municipality, purpose, municipality, purpose)
			.query((row, n) -> PurposeTotals.of(purpose, row.getInt(1), new PurposeTotals.Tally(row.getLong(2), row.getLong(3)),
					new PurposeTotals.Tally(row.getLong(4), row.getLong(5))))
			.single();
	}

	private static Batch batch(ResultSet row, int number) throws SQLException {
		byte[] sha = row.getBytes("file_sha256");
		var summary = new BatchSummary(row.getLong("id"), row.getString("purpose"), row.getObject("transfer_date", LocalDate.class),
				row.getInt("payment_count"), row.getLong("total"), row.getInt("skipped"), BatchState.ofCode(row.getString("state")),
				sha != null);
		var account = new BankAccount(row.getString("payer_bank_code"), ZenginText.of(row.getString("payer_bank_name")),
				row.getString("payer_branch_code"), ZenginText.of(row.getString("payer_branch_name")),
				AccountType.ofCode(row.getString("payer_account_type")), row.getString("payer_account"));
		return new Batch(summary, new Payer(row.getString("requester_code"), ZenginText.of(row.getString("payer_name")), account), sha);
	}
}
