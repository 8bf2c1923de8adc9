package org.madoguchi.procedures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class RulesTest {

	private static final String RULES = """
			rules:
			  - {rule: min-age, field: applicant.birthDate, years: 65, when: {field: kind, equals: first}}
			  - {rule: min-age, field: applicant.birthDate, years: 40, below: 65, when: {field: kind, equals: second}}
			  - {rule: required-if, field: note, when: {field: kind, equals: second}}
			  - {rule: required-if, field: applicant.phone, when: {field: applicant.myNumber}}
			  - {rule: required-if, field: movedOn, when: {field: agreed, equals: true}}
			  - {rule: date-not-after, field: movedOn}
			  - {rule: date-not-after, field: "members[].birthDate", notAfter: movedOn}
			  - {rule: min-age, field: "members[].birthDate", years: 18, on: movedOn, when: {field: amount, equals: 2}}
			workflow:""";

	private final Procedure procedure = Definitions.read(Definitions.sampleWith("workflow:", RULES));

	private List<String> problems(String json, LocalDate applied) {
		String data = "{\"applicant\":{\"name\":\"山田\",\"nameKana\":\"ヤマダ\"," + json + "}";
		return procedure.validate(Definitions.json(data), applied).stream().map(p -> p.path() + ":" + p.code()).toList();
	}

	@Test
	void aFirstCategoryApplicantIsSixtyFiveOnTheDayBeforeTheBirthday() {
		String born = "\"birthDate\":\"昭和35年4月2日\"},\"kind\":\"first\"";
		assertThat(problems(born, LocalDate.of(2025, 4, 1))).isEmpty();
		assertThat(problems(born, LocalDate.of(2025, 3, 31))).containsExactly("data.applicant.birthDate:min_age");
	}

	@Test
	void oneBornOnTheTwentyNinthOfFebruaryReachesTheAgeOnTheTwentyEighth() {
		assertThat(RuleCheck.reaches(LocalDate.of(1960, 2, 29), 65)).isEqualTo(LocalDate.of(2025, 2, 28));
		assertThat(RuleCheck.reaches(LocalDate.of(1960, 2, 29), 64)).isEqualTo(LocalDate.of(2024, 2, 28));
		assertThat(RuleCheck.reaches(LocalDate.of(1960, 3, 1), 65)).isEqualTo(LocalDate.of(2025, 2, 28));
	}

	@Test
	void aSecondCategoryApplicantIsFortyToSixtyFourAndNamesTheDisease() {
		String born = "\"birthDate\":\"1970-01-01\"},\"kind\":\"second\"";
		assertThat(problems(born + ",\"note\":\"関節リウマチ\"", LocalDate.of(2025, 6, 1))).isEmpty();
		assertThat(problems(born, LocalDate.of(2025, 6, 1))).containsExactly("data.note:required");
		assertThat(problems("\"birthDate\":\"1990-01-01\"},\"kind\":\"second\",\"note\":\"x\"", LocalDate.of(2025, 6, 1)))
			.containsExactly("data.applicant.birthDate:min_age");
		assertThat(problems("\"birthDate\":\"1950-01-01\"},\"kind\":\"second\",\"note\":\"x\"", LocalDate.of(2025, 6, 1)))
			.containsExactly("data.applicant.birthDate:max_age");
	}

	@Test
	void aFieldIsRequiredWhenAnotherHasAValue() {
		assertThat(problems("\"birthDate\":\"R1.5.1\",\"myNumber\":\"123456789018\"}", LocalDate.of(2025, 6, 1)))
			.containsExactly("data.applicant.phone:required");
		assertThat(problems("\"birthDate\":\"R1.5.1\",\"myNumber\":\"123456789018\",\"phone\":\"0783318181\"}", LocalDate.of(2025, 6, 1)))
			.isEmpty();
		assertThat(problems("\"birthDate\":\"R1.5.1\"},\"agreed\":true", LocalDate.of(2025, 6, 1))).containsExactly("data.movedOn:required");
		assertThat(problems("\"birthDate\":\"R1.5.1\"},\"agreed\":false", LocalDate.of(2025, 6, 1))).isEmpty();
	}

	@Test
	void aRuleOnAnInvalidFieldLeavesTheFieldsOwnProblemAlone() {
		assertThat(problems("\"birthDate\":\"R1.5.1\",\"myNumber\":\"123456789018\",\"phone\":\"12\"}", LocalDate.of(2025, 6, 1)))
			.containsExactly("data.applicant.phone:format");
		assertThat(problems("\"birthDate\":\"平成32年1月1日\"},\"kind\":\"first\"", LocalDate.of(2025, 6, 1)))
			.containsExactly("data.applicant.birthDate:out_of_range");
	}

	@Test
	void aDateMayNotBeAfterTheApplicationDateOrAnotherDate() {
		assertThat(problems("\"birthDate\":\"R1.5.1\"},\"movedOn\":\"2025-06-02\"", LocalDate.of(2025, 6, 1)))
			.containsExactly("data.movedOn:date_after");
		assertThat(problems("\"birthDate\":\"R1.5.1\"},\"movedOn\":\"2025-06-01\"", LocalDate.of(2025, 6, 1))).isEmpty();
		String members = "\"birthDate\":\"R1.5.1\"},\"movedOn\":\"2025-05-01\",\"members\":[{\"name\":\"a\",\"birthDate\":\"2025-04-30\"},"
				+ "{\"name\":\"b\",\"birthDate\":\"2025-05-02\"}]";
		assertThat(problems(members, LocalDate.of(2025, 6, 1))).containsExactly("data.members[1].birthDate:date_after");
	}

	@Test
	void aGroupRuleRunsForEachItemAgainstAnotherFieldsDate() {
		String members = "\"birthDate\":\"R1.5.1\"},\"amount\":2,\"movedOn\":\"2025-05-01\",\"members\":[{\"name\":\"a\",\"birthDate\":\"2007-05-02\"},"
				+ "{\"name\":\"b\",\"birthDate\":\"2007-05-03\"}]";
		assertThat(problems(members, LocalDate.of(2025, 6, 1))).containsExactly("data.members[1].birthDate:min_age");
	}
}
