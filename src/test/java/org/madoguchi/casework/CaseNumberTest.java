package org.madoguchi.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.madoguchi.japan.InvalidValue;

class CaseNumberTest {

	@Test
	void anIssuedNumberReadsBackFromItsPrintedForm() {
		var number = CaseNumber.issue(2026, 1234);
		assertThat(number.formatted()).matches("26-00001234-\\d");
		assertThat(CaseNumber.parse(number.formatted())).isEqualTo(number);
		assertThat(CaseNumber.parse(number.formatted().replace("-", " "))).isEqualTo(number);
	}

	@Test
	void fullWidthDigitsTypedWithAJapaneseKeyboardAreRead() {
		var number = CaseNumber.issue(2026, 42);
		String fullWidth = number.formatted().chars().mapToObj(c -> c == '-' ? "－" : String.valueOf((char) (c - '0' + '０')))
			.reduce("", String::concat);
		assertThat(CaseNumber.parse(fullWidth)).isEqualTo(number);
	}

	@Test
	void everySingleWrongDigitIsCaught() {
		String value = CaseNumber.issue(2026, 987654).value();
		for (int i = 0; i < value.length(); i++) {
			for (char d = '0'; d <= '9'; d++) {
				if (d != value.charAt(i)) {
					String typo = value.substring(0, i) + d + value.substring(i + 1);
					assertThatThrownBy(() -> new CaseNumber(typo)).isInstanceOf(InvalidValue.class);
				}
			}
		}
	}

	@Test
	void everySwapOfNeighbouringDigitsIsCaught() {
		String value = CaseNumber.issue(2026, 1357913).value();
		for (int i = 0; i + 1 < value.length(); i++) {
			if (value.charAt(i) != value.charAt(i + 1)) {
				String swapped = value.substring(0, i) + value.charAt(i + 1) + value.charAt(i) + value.substring(i + 2);
				assertThatThrownBy(() -> new CaseNumber(swapped)).isInstanceOf(InvalidValue.class);
			}
		}
	}

	@Test
	void lettersAndWrongLengthsAreRefused() {
		assertThatThrownBy(() -> CaseNumber.parse("26-0000A234-5")).hasFieldOrPropertyWithValue("code", "format");
		assertThatThrownBy(() -> CaseNumber.parse("26-1234-5")).hasFieldOrPropertyWithValue("code", "format");
	}
}
