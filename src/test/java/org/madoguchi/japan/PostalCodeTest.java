package org.madoguchi.japan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.madoguchi.japan.CheckDigitTest.assertCode;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PostalCodeTest {

	@ParameterizedTest
	@ValueSource(strings = {"650-0001", "6500001", "６５０－０００１", "〒650-0001", "〒 650-0001 ", "650ー0001"})
	void acceptsHowResidentsWriteIt(String input) {
		PostalCode code = PostalCode.of(input);
		assertThat(code.value()).isEqualTo("6500001");
		assertThat(code.formatted()).isEqualTo("650-0001");
	}

	@ParameterizedTest
	@ValueSource(strings = {"650-001", "65000011", "6500-001", "650 0001", "abc-defg", "٦٥٠٠٠٠١"})
	void rejectsAnythingElse(String input) {
		assertCode(() -> PostalCode.of(input), "format");
	}

	@ParameterizedTest
	@ValueSource(strings = {"", "  "})
	void asksForAMissingCode(String input) {
		assertCode(() -> PostalCode.of(input), "required");
	}
}
