package org.madoguchi.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.madoguchi.japan.InvalidValue;

class PersonalDataKindTest {

	@Test
	void aMyNumberIsKeptAsTwelveDigitsAndMaskedToItsLastFour() {
		var kind = PersonalDataKind.MY_NUMBER;

		assertThat(kind.normalize("123456789018")).isEqualTo("123456789018");
		assertThat(kind.normalize(" １２３４ ５６７８ ９０１８ ")).isEqualTo("123456789018");
		assertThat(kind.mask("123456789018")).isEqualTo("********9018");
	}

	@Test
	void aMyNumberWithAWrongCheckDigitOrLengthIsRefusedWithItsCode() {
		assertThat(codeOf(PersonalDataKind.MY_NUMBER, "621498320258")).isEqualTo("check_digit");
		assertThat(codeOf(PersonalDataKind.MY_NUMBER, "12345")).isEqualTo("format");
		assertThat(codeOf(PersonalDataKind.MY_NUMBER, " ")).isEqualTo("required");
		assertThat(codeOf(PersonalDataKind.MY_NUMBER, null)).isEqualTo("required");
	}

	@Test
	void aBankAccountIsSevenDigitsMaskedToItsLastThree() {
		assertThat(PersonalDataKind.BANK_ACCOUNT.normalize("1234567")).isEqualTo("1234567");
		assertThat(PersonalDataKind.BANK_ACCOUNT.mask("1234567")).isEqualTo("****567");
		assertThat(codeOf(PersonalDataKind.BANK_ACCOUNT, "123456")).isEqualTo("format");
		assertThat(codeOf(PersonalDataKind.BANK_ACCOUNT, "12345678")).isEqualTo("format");
		assertThat(codeOf(PersonalDataKind.BANK_ACCOUNT, "12a4567")).isEqualTo("format");
	}

	@Test
	void aPhoneNumberKeepsItsHyphensIsSearchedByDigitsAndShowsOnlyItsLastFour() {
		var kind = PersonalDataKind.PHONE;

		assertThat(kind.normalize("090-1234-5678")).isEqualTo("090-1234-5678");
		assertThat(kind.normalize("０７８－３３１－８１８１")).isEqualTo("078-331-8181");
		assertThat(kind.canonical("090-1234-5678")).isEqualTo("09012345678");
		assertThat(kind.mask("090-1234-5678")).isEqualTo("***-****-5678");
		assertThat(kind.mask("0783318181")).isEqualTo("******8181");
	}

	@Test
	void aPhoneNumberOfTheWrongLengthOrShapeIsRefused() {
		assertThat(codeOf(PersonalDataKind.PHONE, "078-331-818")).isEqualTo("format");
		assertThat(codeOf(PersonalDataKind.PHONE, "090-1234-56789")).isEqualTo("format");
		assertThat(codeOf(PersonalDataKind.PHONE, "-0783318181")).isEqualTo("format");
		assertThat(codeOf(PersonalDataKind.PHONE, "078--331-8181")).isEqualTo("format");
		assertThat(codeOf(PersonalDataKind.PHONE, "+81783318181")).isEqualTo("format");
	}

	@Test
	void kindsAreNamedInTheApiByTheirCodes() {
		assertThat(PersonalDataKind.parse("my-number")).contains(PersonalDataKind.MY_NUMBER);
		assertThat(PersonalDataKind.parse("bank-account")).contains(PersonalDataKind.BANK_ACCOUNT);
		assertThat(PersonalDataKind.parse("phone")).contains(PersonalDataKind.PHONE);
		assertThat(PersonalDataKind.parse("MY_NUMBER")).isEmpty();
	}

	@Test
	void aRefusalNeverRepeatsTheInput() {
		assertThatThrownBy(() -> PersonalDataKind.MY_NUMBER.normalize("621498320258"))
			.isInstanceOf(InvalidValue.class).message().doesNotContain("6214");
	}

	private static String codeOf(PersonalDataKind kind, String input) {
		try {
			kind.normalize(input);
			return "accepted";
		} catch (InvalidValue e) {
			return e.code();
		}
	}
}
