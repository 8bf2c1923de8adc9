package org.madoguchi.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.madoguchi.japan.JapanPostAccount;
import org.madoguchi.japan.ZenginText;

/**
 * Reads generated files back with a parser written here from the layout in docs (domain.md), sharing no
 * code with the writer: positions are 1-based and inclusive, as the layout states them.
 */
class ZenginTransferFileTest {

	private static final Charset CP932 = Charset.forName("MS932");
	private static final LocalDate TRANSFER_DATE = LocalDate.of(2020, 5, 1);
	private static final String LONG_NAME = "ワシントン ジョージ アレキサンダー グラハムスミベル";

	private final BankDirectory banks = BankDirectory.shipped();
	private final Payer payer = new Payer("1234567", ZenginText.of("コウベシ カイケイカンリシャ"),
			banks.account("0009", "101", AccountType.CURRENT, "7654321"));
	private final List<Transfer> transfers = List.of(
			new Transfer(banks.account("0001", "100", AccountType.ORDINARY, "1234567"),
					ZenginText.of("キャッチャー ジョージ"), 100_000, "2000000018"),
			new Transfer(banks.account(JapanPostAccount.of("12345", "12345671")), ZenginText.of("ゆうちょ はなこ"), 300_000, "42"),
			new Transfer(banks.account("0005", "001", AccountType.SAVINGS, "42"), ZenginText.of(LONG_NAME), 9_999_999_999L),
			new Transfer(banks.account("0009", "101", AccountType.ORDINARY, "1"), ZenginText.of("ﾊﾟｰｸ ｼﾞﾕﾝ"), 1, "1"));

	@Test
	void everyRecordIs120BytesFollowedByCrLf() {
		byte[] file = ZenginTransferFile.of(payer, TRANSFER_DATE, transfers);
		assertThat(file).hasSize((transfers.size() + 3) * 122);
		for (int end = 120; end < file.length; end += 122) {
			assertThat(file[end]).isEqualTo((byte) '\r');
			assertThat(file[end + 1]).isEqualTo((byte) '\n');
		}
		assertThat(records(file, 122)).hasSize(transfers.size() + 3).allSatisfy(record -> assertThat(record).hasSize(120));
	}

	@Test
	void recordsFollowOneAnotherWithoutSeparatorWhenTheBankAsks() {
		byte[] file = ZenginTransferFile.of(payer, TRANSFER_DATE, transfers, ZenginTransferFile.Separator.NONE);
		assertThat(file).hasSize((transfers.size() + 3) * 120).doesNotContain((byte) '\r', (byte) '\n');
		assertThat(records(file, 120).stream().map(record -> field(record, 1, 1))).containsExactly("1", "2", "2", "2", "2", "8", "9");
	}

	@Test
	void containsOnlySingleByteZenginCharactersOfCp932() {
		for (byte[] record : records(ZenginTransferFile.of(payer, TRANSFER_DATE, transfers), 122)) {
			for (byte b : record) {
				int unsigned = b & 0xFF;
				boolean allowed = unsigned == ' ' || unsigned == '(' || unsigned == ')' || unsigned == '-' || unsigned == '.'
						|| (unsigned >= '0' && unsigned <= '9') || (unsigned >= 'A' && unsigned <= 'Z')
						|| (unsigned >= 0xA6 && unsigned <= 0xDF); // half-width ｦ–ﾝ, ｰ and the marks ﾞﾟ
				assertThat(allowed).as("byte %02X", unsigned).isTrue();
			}
			String text = new String(record, CP932);
			assertThat(text).hasSize(120).doesNotContain("\uFFFD");
			assertThat(text.getBytes(CP932)).isEqualTo(record);
			// A voicing mark only ever follows a kana that takes it.
			for (int i = 0; i < text.length(); i++) {
				if (text.charAt(i) == 'ﾞ') {
					assertThat("ｳｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾊﾋﾌﾍﾎ").contains(text.substring(i - 1, i));
				} else if (text.charAt(i) == 'ﾟ') {
					assertThat("ﾊﾋﾌﾍﾎ").contains(text.substring(i - 1, i));
				}
			}
		}
	}

	@Test
	void headerCarriesThePayerAndTheTransferDate() {
		byte[] header = records(ZenginTransferFile.of(payer, TRANSFER_DATE, transfers), 122).get(0);
		assertThat(field(header, 1, 1)).isEqualTo("1");
		assertThat(field(header, 2, 3)).isEqualTo("21");
		assertThat(field(header, 4, 4)).isEqualTo("0");
		assertThat(field(header, 5, 14)).isEqualTo("0001234567");
		assertThat(field(header, 15, 54)).isEqualTo(padded("ｺｳﾍﾞｼ ｶｲｹｲｶﾝﾘｼﾔ", 40));
		assertThat(field(header, 55, 58)).isEqualTo("0501");
		assertThat(field(header, 59, 62)).isEqualTo("0009");
		assertThat(field(header, 63, 77)).isEqualTo(padded("ﾐﾂｲｽﾐﾄﾓ", 15));
		assertThat(field(header, 78, 80)).isEqualTo("101");
		assertThat(field(header, 81, 95)).isEqualTo(padded("ｵｵｻｶﾎﾝﾃﾝ", 15));
		assertThat(field(header, 96, 96)).isEqualTo("2");
		assertThat(field(header, 97, 103)).isEqualTo("7654321");
		assertThat(field(header, 104, 120)).isBlank().hasSize(17);
	}

	@Test
	void dataRecordsCarryEachTransferAtItsPositions() {
		List<byte[]> records = records(ZenginTransferFile.of(payer, TRANSFER_DATE, transfers), 122);
		byte[] first = records.get(1);
		assertThat(field(first, 1, 1)).isEqualTo("2");
		assertThat(field(first, 2, 5)).isEqualTo("0001");
		assertThat(field(first, 6, 20)).isEqualTo(padded("ﾐｽﾞﾎ", 15));
		assertThat(field(first, 21, 23)).isEqualTo("100");
		assertThat(field(first, 24, 38)).isEqualTo(padded("ﾎﾝﾃﾝ", 15));
		assertThat(field(first, 39, 42)).isEqualTo("0000");
		assertThat(field(first, 43, 43)).isEqualTo("1");
		assertThat(field(first, 44, 50)).isEqualTo("1234567");
		assertThat(field(first, 51, 80)).as("small kana large, long vowel as -").isEqualTo(padded("ｷﾔﾂﾁﾔ- ｼﾞﾖ-ｼﾞ", 30));
		assertThat(field(first, 81, 90)).isEqualTo("0000100000");
		assertThat(field(first, 91, 91)).isEqualTo("0");
		assertThat(field(first, 92, 101)).isEqualTo("2000000018");
		assertThat(field(first, 102, 111)).isBlank().hasSize(10);
		assertThat(field(first, 112, 112)).isEqualTo("7");
		assertThat(field(first, 113, 113)).isEqualTo(" ");
		assertThat(field(first, 114, 120)).isBlank().hasSize(7);

		byte[] japanPost = records.get(2);
		assertThat(field(japanPost, 2, 5)).isEqualTo("9900");
		assertThat(field(japanPost, 6, 20)).isEqualTo(padded("ﾕｳﾁﾖ", 15));
		assertThat(field(japanPost, 21, 23)).isEqualTo("238");
		assertThat(field(japanPost, 24, 38)).isEqualTo(padded("ﾆｻﾝﾊﾁ", 15));
		assertThat(field(japanPost, 43, 50)).isEqualTo("11234567");
		assertThat(field(japanPost, 51, 80)).isEqualTo(padded("ﾕｳﾁﾖ ﾊﾅｺ", 30));
		assertThat(field(japanPost, 92, 101)).isEqualTo("0000000042");

		byte[] longName = records.get(3);
		assertThat(field(longName, 43, 50)).isEqualTo("40000042");
		assertThat(field(longName, 81, 90)).isEqualTo("9999999999");
		assertThat(field(longName, 92, 111)).as("no customer code").isBlank();
		// The name's 30th byte is a kana whose ﾞ would be the 31st: both stay out of the field.
		String full = ZenginText.of(LONG_NAME).value();
		assertThat(full.charAt(30)).isEqualTo('ﾞ');
		assertThat(field(longName, 51, 80)).isEqualTo(full.substring(0, 29) + " ");
	}

	@Test
	void trailerCountsAndTotalsTheDataRecordsAndTheEndRecordIsBlank() {
		List<byte[]> records = records(ZenginTransferFile.of(payer, TRANSFER_DATE, transfers), 122);
		long sum = 0;
		int count = 0;
		for (byte[] record : records) {
			if (field(record, 1, 1).equals("2")) {
				count++;
				sum += Long.parseLong(field(record, 81, 90));
			}
		}
		byte[] trailer = records.get(records.size() - 2);
		assertThat(field(trailer, 1, 1)).isEqualTo("8");
		assertThat(field(trailer, 2, 7)).isEqualTo("%06d".formatted(count)).isEqualTo("000004");
		assertThat(field(trailer, 8, 19)).isEqualTo("%012d".formatted(sum)).isEqualTo("010000400000");
		assertThat(field(trailer, 20, 120)).isBlank().hasSize(101);
		byte[] end = records.get(records.size() - 1);
		assertThat(field(end, 1, 1)).isEqualTo("9");
		assertThat(field(end, 2, 120)).isBlank().hasSize(119);
	}

	/** Splits a file into records of 120 bytes, each taking {@code stride} bytes with its separator. */
	private static List<byte[]> records(byte[] file, int stride) {
		assertThat(file.length % stride).as("file length is a whole number of records").isZero();
		List<byte[]> records = new ArrayList<>();
		for (int start = 0; start < file.length; start += stride) {
			records.add(Arrays.copyOfRange(file, start, start + 120));
		}
		return records;
	}

	private static String field(byte[] record, int from, int to) {
		return new String(record, from - 1, to - from + 1, CP932);
	}

	private static String padded(String text, int width) {
		return text + " ".repeat(width - text.length());
	}
}
