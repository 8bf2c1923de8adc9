package org.madoguchi.japan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CheckDigitTest {

	@ParameterizedTest
	@ValueSource(strings = {"281000", "271004", "072079", "141003", "011011"})
	void acceptsRealMunicipalityCodes(String code) {
		assertThat(MunicipalityCode.of(code).value()).isEqualTo(code);
		assertThat(MunicipalityCode.isValid(code)).isTrue();
	}

	@Test
	void writesARemainderOfZeroAsOne() {
		assertThat(MunicipalityCode.checkDigit("01101")).isEqualTo('1');
	}

	@Test
	void rejectsAMistypedCheckDigit() {
		assertCode(() -> MunicipalityCode.of("281001"), "check_digit");
		assertCode(() -> MunicipalityCode.of("218000"), "check_digit");
		assertCode(() -> MyNumber.of("621498320258"), "check_digit");
		assertCode(() -> CorporateNumber.of("8123456789012"), "check_digit");
		assertThat(MunicipalityCode.isValid("281001")).isFalse();
	}

	@Test
	void rejectsTheWrongShape() {
		assertCode(() -> MunicipalityCode.of("28100"), "format");
		assertCode(() -> MunicipalityCode.of("２８１０００"), "format");
		assertCode(() -> MyNumber.of("1234 5678 9018"), "format");
		assertCode(() -> CorporateNumber.of("712345678901"), "format");
		assertCode(() -> MyNumber.of(null), "required");
		assertThat(MyNumber.isValid(null)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = {"123456789018", "621498320257"})
	void acceptsAValidMyNumber(String number) {
		assertThat(MyNumber.of(number).value()).isEqualTo(number);
		assertThat(MyNumber.checkDigit(number.substring(0, 11))).isEqualTo(number.charAt(11));
	}

	@Test
	void neverRevealsAMyNumberInText() {
		MyNumber number = MyNumber.of("123456789018");
		assertThat(number.masked()).isEqualTo("********9018");
		assertThat(number.toString()).isEqualTo("********9018");
		assertThat(String.valueOf(java.util.List.of(number))).doesNotContain("12345678");
		assertThatThrownBy(() -> MyNumber.of("123456789019")).message().doesNotContain("12345678");
	}

	@Test
	void acceptsAValidCorporateNumberWithItsCheckDigitFirst() {
		assertThat(CorporateNumber.of("7123456789012").value()).isEqualTo("7123456789012");
		assertThat(CorporateNumber.checkDigit("123456789012")).isEqualTo('7');
		assertThat(CorporateNumber.isValid("7123456789012")).isTrue();
	}

	static void assertCode(Runnable action, String code) {
		assertThatThrownBy(action::run)
				.isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.code()).isEqualTo(code));
	}
}
