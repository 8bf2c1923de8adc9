package org.madoguchi.japan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.madoguchi.japan.CheckDigitTest.assertCode;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Examples follow Japan Post Bank's published conversion rule (see the class comment of JapanPostAccount). */
class JapanPostAccountTest {

	@ParameterizedTest
	@CsvSource({
			"12345, 12345671, 238, 1234567",
			"14030, 12345671, 408, 1234567",
			"10530, 12345671, 058, 1234567",
			"15150, 21111111, 518, 2111111",
			"17300, 9927651, 738, 0992765",
			"12340, 1231, 238, 0000123",
			"10000, 11, 008, 0000001",
	})
	void ordinaryAccountsDropTheTrailingOneAndPadToSevenDigits(String symbol, String number, String branch, String account) {
		var converted = JapanPostAccount.of(symbol, number);
		assertThat(converted.bankCode()).isEqualTo("9900");
		assertThat(converted.branchCode()).isEqualTo(branch);
		assertThat(converted.accountNumber()).isEqualTo(account);
		assertThat(converted.accountTypeCode()).isEqualTo("1");
		assertThat(converted.transferAccount()).isFalse();
	}

	@ParameterizedTest
	@CsvSource({
			"00580, 654321, 059, 0654321",
			"00160, 100001, 019, 0100001",
			"01110, 1, 119, 0000001",
			"02890, 1234567, 289, 1234567",
	})
	void transferAccountsAreCurrentAccountsAtTheNineBranch(String symbol, String number, String branch, String account) {
		var converted = JapanPostAccount.of(symbol, number);
		assertThat(converted.branchCode()).isEqualTo(branch);
		assertThat(converted.accountNumber()).isEqualTo(account);
		assertThat(converted.accountTypeCode()).isEqualTo("2");
		assertThat(converted.transferAccount()).isTrue();
	}

	@Test
	void aSavingsDepositIsWrittenAsSavings() {
		assertThat(new JapanPostAccount("12345", "12345671", true).accountTypeCode()).isEqualTo("4");
		assertCode(() -> new JapanPostAccount("00160", "100001", true), "format");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"12345-12345671|238|1234567",
			"１２３４５－１２３４５６７１|238|1234567",
			"12345 12345671|238|1234567",
			"12345ー12345671|238|1234567",
			"1234512345671|238|1234567",
			"00160-0-100001|019|0100001",
			"00160 0 100001|019|0100001",
	})
	void readsSymbolAndNumberAsAPassbookWritesThem(String written, String branch, String account) {
		var converted = JapanPostAccount.parse(written);
		assertThat(converted.branchCode()).isEqualTo(branch);
		assertThat(converted.accountNumber()).isEqualTo(account);
	}

	@Test
	void acceptsFullWidthDigitsInEachPart() {
		assertThat(JapanPostAccount.of("１２３４５", "１２３４５６７１").accountNumber()).isEqualTo("1234567");
	}

	@ParameterizedTest
	@CsvSource({
			"1234, 12345671",
			"123456, 12345671",
			"22345, 12345671",
			"92345, 12345671",
			"1234a, 12345671",
			"12345, 12345670",
			"12345, 123456781",
			"12345, 1",
			"12345, 1234-671",
			"00160, 12345678",
			"00160, 10000a",
	})
	void refusesMalformedSymbolsAndNumbers(String symbol, String number) {
		assertCode(() -> JapanPostAccount.of(symbol, number), "format");
	}

	@ParameterizedTest
	@ValueSource(strings = {"12345", "12345-1-2345671", "12345-12345671-1", "記号12345番号12345671", "12345/12345671"})
	void refusesWhatIsNotWrittenAsSymbolAndNumber(String written) {
		assertCode(() -> JapanPostAccount.parse(written), "format");
	}

	@Test
	void keepsTheNumberOutOfLogs() {
		assertThat(JapanPostAccount.of("12345", "12345671").toString()).contains("12345-****671").doesNotContain("12345671");
	}

	@Test
	void asksForMissingParts() {
		assertCode(() -> JapanPostAccount.of(null, "12345671"), "required");
		assertCode(() -> JapanPostAccount.of("12345", " "), "required");
		assertCode(() -> JapanPostAccount.parse(""), "required");
	}
}
