package org.madoguchi.benefits;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/**
 * A reader of 総合振込 files written from the layout in domain.md alone, not from the application's writer:
 * what a bank's intake would check. Every record 120 bytes and CRLF, single-byte CP932 only, header first,
 * then data, trailer with the count and total of the data, end record last.
 */
final class ZenginFileReader {

	static final Charset CP932 = Charset.forName("windows-31j");

	record Transfer(String bankCode, String branchCode, String accountType, String accountNumber, String payee, long amount,
			String customerCode) {
	}

	record File(String requesterCode, String transferDate, List<Transfer> transfers, long trailerCount, long trailerTotal) {
	}

	private ZenginFileReader() {
	}

	static File read(byte[] bytes) {
		assertThat(bytes.length % 122).as("records of 120 bytes each followed by CRLF").isZero();
		var records = new ArrayList<byte[]>();
		for (int at = 0; at < bytes.length; at += 122) {
			assertThat(bytes[at + 120]).isEqualTo((byte) '\r');
			assertThat(bytes[at + 121]).isEqualTo((byte) '\n');
			byte[] record = java.util.Arrays.copyOfRange(bytes, at, at + 120);
			for (byte b : record) {
				int unsigned = b & 0xff;
				// ASCII printable or half-width katakana (0xA1–0xDF): nothing that takes two bytes in CP932
				assertThat(unsigned >= 0x20 && unsigned <= 0x7e || unsigned >= 0xa1 && unsigned <= 0xdf)
					.as("byte %02x at %d", unsigned, at).isTrue();
			}
			records.add(record);
		}
		assertThat(records.size()).isGreaterThanOrEqualTo(3);
		byte[] header = records.getFirst();
		assertThat(text(header, 1, 1)).isEqualTo("1");
		assertThat(text(header, 2, 3)).isEqualTo("21");
		var transfers = new ArrayList<Transfer>();
		for (byte[] data : records.subList(1, records.size() - 2)) {
			assertThat(text(data, 1, 1)).isEqualTo("2");
			assertThat(text(data, 39, 42)).isEqualTo("0000");
			transfers.add(new Transfer(text(data, 2, 5), text(data, 21, 23), text(data, 43, 43), text(data, 44, 50), text(data, 51, 80).stripTrailing(),
					Long.parseLong(text(data, 81, 90)), text(data, 92, 101).strip()));
		}
		byte[] trailer = records.get(records.size() - 2);
		assertThat(text(trailer, 1, 1)).isEqualTo("8");
		assertThat(text(records.getLast(), 1, 1)).isEqualTo("9");
		return new File(text(header, 5, 14), text(header, 55, 58), transfers, Long.parseLong(text(trailer, 2, 7)),
				Long.parseLong(text(trailer, 8, 19)));
	}

	/** Positions counted from 1, both ends included, as the layout names them. */
	static String text(byte[] record, int from, int to) {
		return new String(record, from - 1, to - from + 1, CP932);
	}
}
