package org.madoguchi.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.madoguchi.payments.BankDirectoryTest.assertCode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.madoguchi.japan.ZenginText;

class ZenginTransferFileLimitsTest {

	private static final LocalDate DATE = LocalDate.of(2020, 5, 1);
	private static final ZenginText BANK = ZenginText.of("ﾐｽﾞﾎ");
	private static final ZenginText BRANCH = ZenginText.of("ﾎﾝﾃﾝ");
	private static final BankAccount ACCOUNT = new BankAccount("0001", BANK, "100", BRANCH, AccountType.ORDINARY, "1234567");
	private static final Payer PAYER = new Payer("1234567890", ZenginText.of("ｺｳﾍﾞｼ"), ACCOUNT);
	private static final ZenginText PAYEE = ZenginText.of("ﾔﾏﾀﾞ ﾀﾛｳ");

	@ParameterizedTest
	@ValueSource(longs = {0, -1, -100_000, 10_000_000_000L, Long.MAX_VALUE})
	void refusesAmountsThatAreNotPaymentsOrDoNotFitTenDigits(long amount) {
		assertCode(() -> new Transfer(ACCOUNT, PAYEE, amount), "out_of_range");
	}

	@Test
	void acceptsTheLargestAmountTenDigitsHold() {
		assertThat(new Transfer(ACCOUNT, PAYEE, Transfer.MAX_AMOUNT).amount()).isEqualTo(9_999_999_999L);
	}

	@Test
	void refusesATotalBeyondTwelveDigits() throws IOException {
		var file = ZenginTransferFile.start(OutputStream.nullOutputStream(), PAYER, DATE, ZenginTransferFile.Separator.CRLF);
		for (int i = 0; i < 100; i++) {
			file.add(new Transfer(ACCOUNT, PAYEE, Transfer.MAX_AMOUNT));
		}
		file.add(new Transfer(ACCOUNT, PAYEE, 999_999_999_999L - file.total()));
		assertThat(file.total()).isEqualTo(ZenginTransferFile.MAX_TOTAL);
		assertCode(() -> {
			try {
				file.add(new Transfer(ACCOUNT, PAYEE, 1));
			} catch (IOException e) {
				throw new AssertionError(e);
			}
		}, "out_of_range");
		assertThat(file.finish()).isEqualTo(new ZenginTransferFile.Totals(101, ZenginTransferFile.MAX_TOTAL));
	}

	@Test
	void refusesACountBeyondSixDigits() throws IOException {
		var file = ZenginTransferFile.start(OutputStream.nullOutputStream(), PAYER, DATE, ZenginTransferFile.Separator.NONE);
		var transfer = new Transfer(ACCOUNT, PAYEE, 1);
		for (int i = 0; i < ZenginTransferFile.MAX_COUNT; i++) {
			file.add(transfer);
		}
		assertCode(() -> {
			try {
				file.add(transfer);
			} catch (IOException e) {
				throw new AssertionError(e);
			}
		}, "out_of_range");
		assertThat(file.finish()).isEqualTo(new ZenginTransferFile.Totals(999_999, 999_999));
	}

	@Test
	void refusesAFileWithoutTransfers() {
		assertCode(() -> ZenginTransferFile.of(PAYER, DATE, List.of()), "required");
	}

	@Test
	void refusesToWriteAfterTheTrailer() throws IOException {
		var bytes = new ByteArrayOutputStream();
		var file = ZenginTransferFile.start(bytes, PAYER, DATE, ZenginTransferFile.Separator.CRLF);
		file.add(new Transfer(ACCOUNT, PAYEE, 5));
		file.finish();
		assertThatThrownBy(() -> file.add(new Transfer(ACCOUNT, PAYEE, 5))).isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(file::finish).isInstanceOf(IllegalStateException.class);
		assertThat(bytes.size()).isEqualTo(4 * 122);
	}

	@Test
	void refusesCodesThatDoNotFitTheirFields() {
		assertCode(() -> new Payer("12345678901", PAYER.name(), ACCOUNT), "format");
		assertCode(() -> new Payer("", PAYER.name(), ACCOUNT), "required");
		assertCode(() -> new Transfer(ACCOUNT, PAYEE, 1, "12345678901"), "format");
		assertCode(() -> new Transfer(ACCOUNT, PAYEE, 1, "A1"), "format");
		assertCode(() -> new BankAccount("001", BANK, "100", BRANCH, AccountType.ORDINARY, "1"), "format");
		assertCode(() -> new BankAccount("0001", BANK, "10", BRANCH, AccountType.ORDINARY, "1"), "format");
		assertCode(() -> new BankAccount("0001", BANK, "100", BRANCH, AccountType.ORDINARY, "12345678"), "format");
		assertCode(() -> new BankAccount("0001", BANK, "100", BRANCH, AccountType.ORDINARY, "１２３"), "format");
		assertCode(() -> AccountType.ofCode("3"), "out_of_range");
	}

	@Test
	void refusesToPayOutOfASavingsDeposit() {
		var savings = new BankAccount("0001", BANK, "100", BRANCH, AccountType.SAVINGS, "1");
		assertCode(() -> new Payer("1", PAYER.name(), savings), "out_of_range");
	}

	@Test
	void keepsAccountNumbersAndNamesOutOfLogs() {
		String text = new Transfer(ACCOUNT, PAYEE, 5, "42").toString();
		assertThat(text).contains("0001-100", "****567", "5 yen", "42").doesNotContain("1234567", PAYEE.value());
	}

	@Test
	void writesALongPayerNameCutToItsFortyBytes() {
		var payer = new Payer("1", ZenginText.of("ｱ".repeat(39) + "ｶﾞ"), ACCOUNT);
		byte[] file = ZenginTransferFile.of(payer, DATE, List.of(new Transfer(ACCOUNT, PAYEE, 1)));
		assertThat(new String(file, 14, 40, ZenginText.CP932)).isEqualTo("ｱ".repeat(39) + " ");
	}
}
