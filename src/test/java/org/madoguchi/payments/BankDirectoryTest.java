package org.madoguchi.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.madoguchi.japan.InvalidValue;
import org.madoguchi.japan.JapanPostAccount;

class BankDirectoryTest {

	private final BankDirectory directory = BankDirectory.shipped();

	@ParameterizedTest
	@CsvSource({
			"0001, みずほ, ﾐｽﾞﾎ",
			"0005, 三菱ＵＦＪ, ﾐﾂﾋﾞｼﾕ-ｴﾌｼﾞｴｲ",
			"0009, 三井住友, ﾐﾂｲｽﾐﾄﾓ",
			"9900, ゆうちょ, ﾕｳﾁﾖ",
	})
	void findsWellKnownBanksWithTheirZenginReading(String code, String name, String kana) {
		var bank = directory.bank(code).orElseThrow();
		assertThat(bank.code()).isEqualTo(code);
		assertThat(bank.name()).isEqualTo(name);
		assertThat(bank.kana().value()).isEqualTo(kana);
	}

	@ParameterizedTest
	@CsvSource({
			"0001, 001, 東京営業部, ﾄｳｷﾖｳ",
			"0001, 100, 本店, ﾎﾝﾃﾝ",
			"0005, 001, 本店, ﾎﾝﾃﾝ",
			"0009, 101, 大阪本店営業部, ｵｵｻｶﾎﾝﾃﾝ",
			"9900, 238, 二三八, ﾆｻﾝﾊﾁ",
			"9900, 019, 〇一九, ｾﾞﾛｲﾁｷﾕｳ",
	})
	void findsBranchesWithTheirZenginReading(String bankCode, String branchCode, String name, String kana) {
		var branch = directory.branch(bankCode, branchCode).orElseThrow();
		assertThat(branch.bankCode()).isEqualTo(bankCode);
		assertThat(branch.code()).isEqualTo(branchCode);
		assertThat(branch.name()).isEqualTo(name);
		assertThat(branch.kana().value()).isEqualTo(kana);
	}

	@Test
	void holdsTheWholeDataSetOfTheRecordedVersion() throws IOException {
		assertThat(directory.bankCount()).isGreaterThan(1000);
		assertThat(directory.branchCount()).isGreaterThan(25_000);
		assertThat(directory.version()).matches("\\d+\\.\\d+\\.\\d+-p\\d{8}");
		Path shipped = Path.of("src/main/resources/payments/zengin-code");
		assertThat(Files.readString(shipped.resolve("VERSION")))
				.startsWith("zengin-code " + directory.version() + " ")
				.contains("banks " + directory.bankCount() + "\n", "branches " + directory.branchCount() + "\n");
		assertThat(Files.readString(shipped.resolve("LICENSE"))).contains("MIT License", "Sho Kusano");
	}

	@Test
	void isReadOnceAndShared() {
		assertThat(BankDirectory.shipped()).isSameAs(directory);
	}

	@Test
	void tellsAnUnknownCodeFromAMalformedOne() {
		assertThat(directory.bank("0002")).isEmpty();
		assertThat(directory.branch("0001", "999")).isEmpty();
		assertThat(directory.branch("0002", "001")).isEmpty();
		assertCode(() -> directory.bank("1"), "format");
		assertCode(() -> directory.bank("０００１"), "format");
		assertCode(() -> directory.branch("0001", "1"), "format");
		assertCode(() -> directory.bank(null), "required");
	}

	@Test
	void fillsInTheNamesOfAnAccount() {
		var account = directory.account("0009", "101", AccountType.ORDINARY, "1234");
		assertThat(account.bankName().value()).isEqualTo("ﾐﾂｲｽﾐﾄﾓ");
		assertThat(account.branchName().value()).isEqualTo("ｵｵｻｶﾎﾝﾃﾝ");
		assertThat(account.number()).isEqualTo("0001234");
		assertCode(() -> directory.account("0002", "101", AccountType.ORDINARY, "1234"), BankDirectory.UNKNOWN_BANK);
		assertCode(() -> directory.account("0009", "999", AccountType.ORDINARY, "1234"), BankDirectory.UNKNOWN_BRANCH);
	}

	@Test
	void knowsTheBranchesJapanPostAccountsConvertTo() {
		var ordinary = directory.account(JapanPostAccount.of("12345", "12345671"));
		assertThat(ordinary.bankCode()).isEqualTo("9900");
		assertThat(ordinary.branchCode()).isEqualTo("238");
		assertThat(ordinary.branchName().value()).isEqualTo("ﾆｻﾝﾊﾁ");
		assertThat(ordinary.type()).isEqualTo(AccountType.ORDINARY);
		assertThat(ordinary.number()).isEqualTo("1234567");
		var transfer = directory.account(JapanPostAccount.parse("00160-0-100001"));
		assertThat(transfer.branchName().value()).isEqualTo("ｾﾞﾛｲﾁｷﾕｳ");
		assertThat(transfer.type()).isEqualTo(AccountType.CURRENT);
	}

	@Test
	void refusesADamagedFile() {
		assertThatThrownBy(() -> BankDirectory.read(gzip("0001\tみずほ\tミズホ\n"))).hasMessageContaining("version");
		assertThatThrownBy(() -> BankDirectory.read(gzip("#zengin-code\t1\n0001\tみずほ\n"))).hasMessageContaining("line 2");
		assertThatThrownBy(() -> BankDirectory.read(gzip("#zengin-code\t1\n0001001\t本店\tホンテン\n"))).hasMessageContaining("line 2");
		assertThatThrownBy(() -> BankDirectory.read(gzip("#zengin-code\t1\n0001\tみずほ\t瑞穂\n"))).hasMessageContaining("line 2");
	}

	@Test
	void readsTheCompactForm() throws IOException {
		var small = BankDirectory.read(gzip("#zengin-code\t9.9.9-p20990101\n0001\tみずほ\tミズホ\n0001001\t東京営業部\tトウキヨウ\n"));
		assertThat(small.version()).isEqualTo("9.9.9-p20990101");
		assertThat(small.branch("0001", "001").orElseThrow().kana().value()).isEqualTo("ﾄｳｷﾖｳ");
	}

	private static InputStream gzip(String text) throws IOException {
		var bytes = new ByteArrayOutputStream();
		try (var out = new GZIPOutputStream(bytes)) {
			out.write(text.getBytes(StandardCharsets.UTF_8));
		}
		return new ByteArrayInputStream(bytes.toByteArray());
	}

	static void assertCode(Runnable action, String code) {
		assertThatThrownBy(action::run)
				.isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.code()).isEqualTo(code));
	}
}
