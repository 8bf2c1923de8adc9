package org.madoguchi.payments;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.madoguchi.platform.InvalidInput;
import org.madoguchi.platform.database.BulkCopy;
import org.madoguchi.privacy.PersonalDataVault;
import org.madoguchi.privacy.PersonalDataKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Makes a batch from a stream of orders in a few set-based statements, so that 650,000 orders take well
 * under a minute: the orders are COPY'd into a temporary table (PostgreSQL refuses COPY into a table under
 * row-level security), those whose reference is already being paid in the purpose are dropped there, the
 * account numbers of the rest go to the vault in one call (unless it keeps them already), and the payments
 * are inserted from the temporary table. Account numbers never reach the database in clear, not even the temporary table.
 */
@Component
class BatchLoad {

	/** Orders held at a time between the caller's stream and a COPY. */
	static final int CHUNK = 20_000;

	/** What was made: the new batch, its trailer figures, and the orders left out. */
	record Loaded(long batchId, int count, long total, int skipped) {
	}

	private final JdbcClient db;
	private final DataSource dataSource;
	private final PersonalDataVault vault;
	private final BatchRows batches;

	BatchLoad(JdbcClient db, DataSource dataSource, PersonalDataVault vault, BatchRows batches) {
		this.db = db;
		this.dataSource = dataSource;
		this.vault = vault;
		this.batches = batches;
	}

	Loaded load(String municipality, String purpose, LocalDate transferDate, Payer payer, Stream<PaymentOrder> orders,
			String createdBy) {
		// One preparation at a time per purpose, so the check below sees every payment that could compete;
		// the unique index on live references stays the last word either way.
		db.sql("select pg_advisory_xact_lock(hashtextextended(? || '|' || ?, 0))").params(municipality, purpose)
			.query((row, n) -> 1).single();
		// Sorts of a few hundred thousand rows stay in memory instead of spilling to disk; until the transaction ends.
		db.sql("set local work_mem = '64MB'").update();
		List<Account> accounts = copyOrders(orders);
		BitSet skipped = dropAlreadyPaid(municipality, purpose);
		var kept = new ArrayList<Account>(accounts.size() - skipped.cardinality());
		for (int i = 0; i < accounts.size(); i++) {
			if (!skipped.get(i + 1)) {
				kept.add(accounts.get(i));
			}
		}
		long total = db.sql("select coalesce(sum(amount), 0) from payment_order_load").query(Long.class).single();
		int count = kept.size();
		if (count == 0) {
			throw new InvalidInput("orders", "nothing_to_pay", skipped.cardinality());
		}
		if (count > ZenginTransferFile.MAX_COUNT) {
			throw new InvalidInput("orders", "too_many_transfers", ZenginTransferFile.MAX_COUNT);
		}
		if (total > ZenginTransferFile.MAX_TOTAL) {
			throw new InvalidInput("orders", "total_too_large", ZenginTransferFile.MAX_TOTAL);
		}
		long[] valueIds = valueIds(municipality, kept);
		long batchId = batches.add(municipality, purpose, transferDate, payer, count, total, skipped.cardinality(), createdBy);
		insertPayments(municipality, purpose, batchId, valueIds);
		checkTrailerFigures(municipality, batchId, count, total);
		return new Loaded(batchId, count, total, skipped.cardinality());
	}

	/** An order's account number, and its vault id when the caller already keeps it there. */
	private record Account(String number, Long valueId) {
	}

	/** The vault ids of the accounts in order: those given, and those of the numbers sealed now in one call. */
	private long[] valueIds(String municipality, List<Account> accounts) {
		var toSeal = accounts.stream().filter(account -> account.valueId() == null).map(Account::number).toList();
		var sealed = vault.storeAll(municipality, PersonalDataKind.BANK_ACCOUNT, toSeal).iterator();
		long[] ids = new long[accounts.size()];
		for (int i = 0; i < ids.length; i++) {
			Long given = accounts.get(i).valueId();
			ids[i] = given != null ? given : sealed.next().id();
		}
		return ids;
	}

	/**
	 * Writes every order into the temporary table, numbered from 1; answers the accounts in that order.
	 * Orders are taken a chunk at a time and each chunk is one COPY: while a COPY runs, the connection serves
	 * nothing else, and the caller's stream may well be reading its orders from the database on that connection.
	 */
	private List<Account> copyOrders(Stream<PaymentOrder> orders) {
		db.sql("""
				create temporary table if not exists payment_order_load (
				    ordinal integer, reference text, bank_code text, bank_name text, branch_code text, branch_name text,
				    account_type text, account_mask text, payee_name text, amount bigint)
				on commit drop
				""").update();
		db.sql("truncate payment_order_load").update();
		var accounts = new ArrayList<Account>();
		var chunk = new ArrayList<PaymentOrder>(CHUNK);
		Iterator<PaymentOrder> each = orders.iterator();
		while (each.hasNext()) {
			chunk.add(Objects.requireNonNull(each.next(), "payment order"));
			if (chunk.size() == CHUNK || !each.hasNext()) {
				copy(chunk, accounts);
				chunk.clear();
			}
		}
		// A temporary table is never analysed by autovacuum; without statistics the joins below are planned blind.
		db.sql("analyze payment_order_load").update();
		return accounts;
	}

	private void copy(List<PaymentOrder> chunk, List<Account> accounts) {
		try (var copy = BulkCopy.into(dataSource, """
				copy payment_order_load (ordinal, reference, bank_code, bank_name, branch_code, branch_name, account_type,
				    account_mask, payee_name, amount) from stdin""")) {
			for (PaymentOrder order : chunk) {
				BankAccount account = order.account();
				copy.number(accounts.size() + 1L).text(order.reference()).text(account.bankCode())
					.text(account.bankName().value()).text(account.branchCode()).text(account.branchName().value())
					.text(account.type().code()).text(mask(account.number())).text(order.payeeName().value())
					.number(order.amount()).endRow();
				accounts.add(new Account(account.number(), order.accountValueId()));
			}
			copy.finish();
		}
	}

	/**
	 * Drops repeats of a reference within these orders (the first one stays) and the orders whose reference
	 * already has a live payment in the purpose; answers the ordinals dropped. Both are joins on equality,
	 * so that PostgreSQL can hash them: a correlated "earlier order with the same reference" is quadratic.
	 */
	private BitSet dropAlreadyPaid(String municipality, String purpose) {
		var dropped = new BitSet();
		db.sql("""
				delete from payment_order_load l
				using (select ordinal, row_number() over (partition by reference order by ordinal) as nth
				       from payment_order_load) r
				where r.ordinal = l.ordinal and r.nth > 1
				returning l.ordinal
				""").query(Integer.class).list().forEach(dropped::set);
		// The purpose's live references are copied out first, so both sides of the join have fresh statistics:
		// right after a large batch, payment's own may still describe it as nearly empty, and a join planned on
		// that would compare every order with every payment.
		db.sql("create temporary table if not exists payment_live_load (reference text) on commit drop").update();
		db.sql("truncate payment_live_load").update();
		db.sql("insert into payment_live_load select reference from payment where tenant_id = ? and purpose = ? and live")
			.params(municipality, purpose).update();
		db.sql("analyze payment_live_load").update();
		db.sql("""
				delete from payment_order_load l using payment_live_load p where p.reference = l.reference
				returning l.ordinal
				""").query(Integer.class).list().forEach(dropped::set);
		return dropped;
	}

	/**
	 * Numbers the payments 1..N in the orders' order and pairs each with its vault id, which came back in the
	 * same order. The pairs go in by COPY too, so the final insert is a join of two analysed tables.
	 */
	private void insertPayments(String municipality, String purpose, long batchId, long[] valueIds) {
		db.sql("create temporary table if not exists payment_value_load (seq integer, value_id bigint) on commit drop").update();
		db.sql("truncate payment_value_load").update();
		try (var copy = BulkCopy.into(dataSource, "copy payment_value_load (seq, value_id) from stdin")) {
			for (int i = 0; i < valueIds.length; i++) {
				copy.number(i + 1L).number(valueIds[i]).endRow();
			}
			copy.finish();
		}
		db.sql("analyze payment_value_load").update();
		db.sql("""
				insert into payment (tenant_id, batch_id, seq, purpose, reference, bank_code, bank_name, branch_code, branch_name,
				    account_type, account_value_id, account_mask, payee_name, amount)
				select ?, ?, l.seq, ?, l.reference, l.bank_code, l.bank_name, l.branch_code, l.branch_name,
				    l.account_type, v.value_id, l.account_mask, l.payee_name, l.amount
				from (select *, row_number() over (order by ordinal) as seq from payment_order_load) l
				join payment_value_load v on v.seq = l.seq
				order by l.seq
				""").params(municipality, batchId, purpose).update();
	}

	/** The batch row states what the trailer will: it must be what the payment rows add up to. */
	private void checkTrailerFigures(String municipality, long batchId, int count, long total) {
		var rows = db.sql("select count(*), coalesce(sum(amount), 0) from payment where tenant_id = ? and batch_id = ?")
			.params(municipality, batchId).query((row, n) -> new long[] {row.getLong(1), row.getLong(2)}).single();
		if (rows[0] != count || rows[1] != total) {
			throw new IllegalStateException("batch " + batchId + " states " + count + " payments of " + total + " yen but holds "
					+ rows[0] + " of " + rows[1]);
		}
	}

	/** The vault's mask for an account number (the last three digits), kept next to the reference for display. */
	static String mask(String accountNumber) {
		return "****" + accountNumber.substring(4);
	}
}
