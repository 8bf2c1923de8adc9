package org.madoguchi.payments;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.madoguchi.japan.InvalidValue;

/**
 * A Zengin 総合振込 file (種別コード 21), the file a bank's EB service takes to pay many accounts at once:
 * a header record (data type 1) naming the payer and the transfer date, one data record (2) per transfer,
 * a trailer (8) with their count and total, and an end record (9). Records are 120 bytes of CP932 text.
 *
 * <p>It is written as a stream, so a batch of hundreds of thousands of transfers never has to be held in
 * memory: {@link #start} writes the header, {@link #add} one data record, {@link #finish} the trailer and
 * end record. Give it a buffered stream. {@link #of} does all three for a list.
 */
public final class ZenginTransferFile {

	/** The trailer's 6-digit count field. */
	public static final int MAX_COUNT = 999_999;
	/** The trailer's 12-digit total field, in yen. */
	public static final long MAX_TOTAL = 999_999_999_999L;

	/** What follows each record; banks take either, and each bank says which it wants. */
	public enum Separator {
		/** CR LF after every record: the 全銀協 layout's "120 bytes, 122 with the line break added". */
		CRLF(new byte[] {'\r', '\n'}),
		/** Records back to back, as on the old magnetic-tape transfers. */
		NONE(new byte[0]);

		private final byte[] bytes;

		Separator(byte[] bytes) {
			this.bytes = bytes;
		}
	}

	/** What the trailer record states. */
	public record Totals(int count, long total) {
	}

	private final OutputStream out;
	private final Separator separator;
	private int count;
	private long total;
	private boolean finished;

	private ZenginTransferFile(OutputStream out, Separator separator) {
		this.out = out;
		this.separator = separator;
	}

	/** Writes the header record and returns the file to add transfers to. */
	public static ZenginTransferFile start(OutputStream out, Payer payer, LocalDate transferDate, Separator separator)
			throws IOException {
		Objects.requireNonNull(out, "output");
		Objects.requireNonNull(payer, "payer");
		Objects.requireNonNull(transferDate, "transfer date");
		Objects.requireNonNull(separator, "separator");
		var file = new ZenginTransferFile(out, separator);
		file.write(header(payer, transferDate));
		return file;
	}

	/** A whole file in memory, for batches small enough to hold. */
	public static byte[] of(Payer payer, LocalDate transferDate, List<Transfer> transfers, Separator separator) {
		var bytes = new ByteArrayOutputStream((Math.min(transfers.size(), MAX_COUNT) + 3) * 122);
		try {
			var file = start(bytes, payer, transferDate, separator);
			for (Transfer transfer : transfers) {
				file.add(transfer);
			}
			file.finish();
		} catch (IOException e) {
			throw new UncheckedIOException("a byte array stream does not fail", e);
		}
		return bytes.toByteArray();
	}

	public static byte[] of(Payer payer, LocalDate transferDate, List<Transfer> transfers) {
		return of(payer, transferDate, transfers, Separator.CRLF);
	}

	/** Writes one data record; refuses the transfer that would overflow the trailer's count or total. */
	public ZenginTransferFile add(Transfer transfer) throws IOException {
		Objects.requireNonNull(transfer, "transfer");
		if (finished) {
			throw new IllegalStateException("the file is finished");
		}
		if (count == MAX_COUNT) {
			throw new InvalidValue(InvalidValue.OUT_OF_RANGE, "a transfer file holds at most 999,999 transfers");
		}
		if (transfer.amount() > MAX_TOTAL - total) {
			throw new InvalidValue(InvalidValue.OUT_OF_RANGE, "a transfer file's total must stay within 999,999,999,999 yen");
		}
		write(data(transfer));
		count++;
		total += transfer.amount();
		return this;
	}

	/** Writes the trailer and end records. A file without transfers is refused: banks reject it. */
	public Totals finish() throws IOException {
		if (finished) {
			throw new IllegalStateException("the file is finished");
		}
		if (count == 0) {
			throw new InvalidValue(InvalidValue.REQUIRED, "a transfer file needs at least one transfer");
		}
		finished = true;
		write(new ZenginRecord('8').number(count, 6).number(total, 12).blank(101).bytes());
		write(new ZenginRecord('9').blank(119).bytes());
		out.flush();
		return new Totals(count, total);
	}

	public int count() {
		return count;
	}

	public long total() {
		return total;
	}

	private void write(byte[] record) throws IOException {
		out.write(record);
		out.write(separator.bytes);
	}

	// Positions in the comments are 1-based and inclusive, as in the 全銀協 layout and docs (domain.md).
	private static byte[] header(Payer payer, LocalDate transferDate) {
		BankAccount account = payer.account();
		return new ZenginRecord('1')
				.fixed("21") // 2–3 種別コード: 総合振込
				.fixed("0") // 4 コード区分: JIS (CP932 on a PC file)
				.number(payer.requesterCode(), 10) // 5–14 依頼人コード
				.text(payer.name(), 40) // 15–54 依頼人名
				.number(transferDate.getMonthValue(), 2).number(transferDate.getDayOfMonth(), 2) // 55–58 MMDD
				.number(account.bankCode(), 4) // 59–62 仕向銀行番号
				.text(account.bankName(), 15) // 63–77
				.number(account.branchCode(), 3) // 78–80 仕向支店番号
				.text(account.branchName(), 15) // 81–95
				.fixed(account.type().code()) // 96 預金種目
				.number(account.number(), 7) // 97–103 口座番号
				.blank(17) // 104–120
				.bytes();
	}

	private static byte[] data(Transfer transfer) {
		BankAccount account = transfer.account();
		var record = new ZenginRecord('2')
				.number(account.bankCode(), 4) // 2–5 被仕向銀行番号
				.text(account.bankName(), 15) // 6–20
				.number(account.branchCode(), 3) // 21–23 被仕向支店番号
				.text(account.branchName(), 15) // 24–38
				.fixed("0000") // 39–42 手形交換所番号: no longer used, zeros
				.fixed(account.type().code()) // 43 預金種目
				.number(account.number(), 7) // 44–50 口座番号
				.text(transfer.payeeName(), 30) // 51–80 受取人名
				.number(transfer.amount(), 10) // 81–90 振込金額
				.fixed("0"); // 91 新規コード: 0 その他 (1 and 2 flag first and changed payees, which we do not track)
		// 92–101 顧客コード1 and 102–111 顧客コード2: optional fields left out are spaces.
		if (transfer.customerCode1() == null) {
			record.blank(10);
		} else {
			record.number(transfer.customerCode1(), 10);
		}
		return record.blank(10)
				.fixed("7") // 112 振込指定区分: 7 電信 (telegraphic); 8, by document, is slower
				.blank(1) // 113 識別表示: not Y, so 92–111 are customer codes, not EDI data
				.blank(7) // 114–120
				.bytes();
	}
}
