package org.madoguchi.payments;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;

import org.madoguchi.japan.ZenginText;
import org.madoguchi.privacy.BulkVault;
import org.madoguchi.privacy.PersonalDataKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes a batch's 総合振込 file from its payment rows, a page at a time: the account numbers of a page are
 * opened from the vault together, so memory holds one page of them in clear whatever the batch's size.
 * The trailer counts what was actually written; it must agree with the batch row, or the file is refused.
 */
@Component
class TransferFileWriter {

	/** Rows read, and account numbers opened, at a time. */
	static final int PAGE = 10_000;

	private record Row(int seq, String reference, String bankCode, String bankName, String branchCode, String branchName,
			String accountType, long valueId, String payeeName, long amount) {
	}

	private final JdbcClient db;
	private final BulkVault vault;

	TransferFileWriter(JdbcClient db, BulkVault vault) {
		this.db = db;
		this.vault = vault;
	}

	/** Writes the file and answers its SHA-256. */
	byte[] write(String municipality, BatchRows.Batch batch, OutputStream out) {
		MessageDigest sha256 = sha256();
		try {
			var buffered = new BufferedOutputStream(new DigestOutputStream(out, sha256), 1 << 16);
			var file = ZenginTransferFile.start(buffered, batch.payer(), batch.summary().transferDate(),
					ZenginTransferFile.Separator.CRLF);
			var opening = vault.open(municipality, PersonalDataKind.BANK_ACCOUNT, "payment-batch:" + batch.id());
			int after = 0;
			for (List<Row> page = page(municipality, batch.id(), after); !page.isEmpty(); page = page(municipality, batch.id(), after)) {
				Map<Long, String> numbers = opening.values(page.stream().map(Row::valueId).toList());
				for (Row row : page) {
					file.add(transfer(row, numbers.get(row.valueId())));
				}
				after = page.getLast().seq();
			}
			var totals = file.finish();
			var summary = batch.summary();
			if (totals.count() != summary.count() || totals.total() != summary.total()) {
				throw new IllegalStateException("batch " + batch.id() + " states " + summary.count() + " payments of "
						+ summary.total() + " yen but its rows came to " + totals.count() + " of " + totals.total());
			}
		} catch (IOException e) {
			throw new UncheckedIOException("the transfer file of batch " + batch.id() + " could not be written", e);
		}
		return sha256.digest();
	}

	private List<Row> page(String municipality, long batchId, int after) {
		return db.sql("""
				select seq, reference, bank_code, bank_name, branch_code, branch_name, account_type, account_value_id,
				    payee_name, amount
				from payment where tenant_id = ? and batch_id = ? and seq > ? order by seq limit ?
				""").params(municipality, batchId, after, PAGE)
			.query((row, n) -> new Row(row.getInt(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5),
					row.getString(6), row.getString(7), row.getLong(8), row.getString(9), row.getLong(10)))
			.list();
	}

	private static Transfer transfer(Row row, String accountNumber) {
		var account = new BankAccount(row.bankCode(), ZenginText.of(row.bankName()), row.branchCode(),
				ZenginText.of(row.branchName()), AccountType.ofCode(row.accountType()), accountNumber);
		return new Transfer(account, ZenginText.of(row.payeeName()), row.amount(), row.reference());
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is not available", e);
		}
	}
}
