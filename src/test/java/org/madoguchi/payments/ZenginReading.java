package org.madoguchi.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A reader of 総合振込 files written in the test from the layout in docs (domain.md), sharing no code with
 * the writer: 120-byte CP932 records followed by CR LF, single-byte characters only, header, data, trailer
 * and end records in that order. Positions are 1-based and inclusive, as the layout states them.
 */
final class ZenginReading {

	private static final Charset CP932 = Charset.forName("MS932");

	record Header(String requesterCode, String transferDateMmdd, String bankCode, String accountNumber) {
	}

	record Data(String bankCode, String bankName, String branchCode, String branchName, String accountType,
			String accountNumber, String payeeName, long amount, String customerCode1) {
	}

	record File(Header header, List<Data> data, int trailerCount, long trailerTotal) {
	}

	private ZenginReading() {
	}

	static File read(byte[] bytes) {
		assertThat(bytes.length % 122).as("a whole number of 120-byte records with CR LF").isZero();
		List<byte[]> records = new ArrayList<>();
		for (int start = 0; start < bytes.length; start += 122) {
			assertThat(bytes[start + 120]).isEqualTo((byte) '\r');
			assertThat(bytes[start + 121]).isEqualTo((byte) '\n');
			byte[] record = Arrays.copyOfRange(bytes, start, start + 120);
			singleByteZenginOnly(record);
			records.add(record);
		}
		assertThat(records.size()).isGreaterThanOrEqualTo(4);
		byte[] first = records.getFirst();
		assertThat(field(first, 1, 3)).isEqualTo("121");
		var header = new Header(field(first, 5, 14), field(first, 55, 58), field(first, 59, 62), field(first, 97, 103));
		var data = new ArrayList<Data>();
		for (byte[] record : records.subList(1, records.size() - 2)) {
			assertThat(field(record, 1, 1)).isEqualTo("2");
			assertThat(field(record, 39, 42)).isEqualTo("0000");
			data.add(new Data(field(record, 2, 5), field(record, 6, 20).stripTrailing(), field(record, 21, 23),
					field(record, 24, 38).stripTrailing(), field(record, 43, 43), field(record, 44, 50),
					field(record, 51, 80).stripTrailing(), Long.parseLong(field(record, 81, 90)), field(record, 92, 101)));
		}
		byte[] trailer = records.get(records.size() - 2);
		assertThat(field(trailer, 1, 1)).isEqualTo("8");
		byte[] end = records.getLast();
		assertThat(field(end, 1, 1)).isEqualTo("9");
		assertThat(field(end, 2, 120)).isBlank();
		return new File(header, data, Integer.parseInt(field(trailer, 2, 7)), Long.parseLong(field(trailer, 8, 19)));
	}

	/** Space, ( ) - . digits, A–Z and half-width katakana (ｦ–ﾟ), each one byte that CP932 reads back as itself. */
	private static void singleByteZenginOnly(byte[] record) {
		for (byte b : record) {
			int u = b & 0xFF;
			boolean allowed = u == ' ' || u == '(' || u == ')' || u == '-' || u == '.' || (u >= '0' && u <= '9')
					|| (u >= 'A' && u <= 'Z') || (u >= 0xA6 && u <= 0xDF);
			assertThat(allowed).as("byte %02X", u).isTrue();
		}
		String text = new String(record, CP932);
		assertThat(text).hasSize(120).doesNotContain("\uFFFD");
		assertThat(text.getBytes(CP932)).isEqualTo(record);
	}

	private static String field(byte[] record, int from, int to) {
		return new String(record, from - 1, to - from + 1, CP932);
	}
}
