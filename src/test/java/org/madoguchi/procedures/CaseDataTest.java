package org.madoguchi.procedures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.madoguchi.procedures.SampleData.APPLIED;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.madoguchi.platform.InvalidInput;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The shape of case data: required and unknown fields, JSON types, groups, normalisation. */
class CaseDataTest {

	private final Procedure sample = Definitions.sample();

	private List<String> with(String path, String json) {
		return SampleData.problems(sample, SampleData.with(path, json));
	}

	@Test
	void aCompleteFormIsValidAndNormalised() {
		ObjectNode data = sample.normalise(Definitions.json(SampleData.VALID), APPLIED);
		assertThat(data.at("/applicant/nameKana").asString()).isEqualTo("ヤマダ タロウ");
		assertThat(data.at("/applicant/postalCode").asString()).isEqualTo("6500001");
		assertThat(data.at("/applicant/birthDate").asString()).as("the resident's writing is kept").isEqualTo("昭和30年4月2日");
		assertThat(sample.date(data, "applicant.birthDate")).contains(LocalDate.of(1955, 4, 2));
		assertThat(sample.date(data, "members[0].birthDate")).contains(LocalDate.of(1960, 2, 29));
		assertThat(data.at("/payee/accountNumber").asString()).isEqualTo("0012345");
		assertThat(data.at("/payee/accountType").asString()).isEqualTo("1");
		assertThat(data.at("/amount").asLong()).isEqualTo(3);
		assertThat(sample.feeTotal(data)).isEqualTo(900);
	}

	@Test
	void missingRequiredFieldsAreNamedOneByOne() {
		assertThat(with("applicant.name", "null")).containsExactly("data.applicant.name:required");
		assertThat(with("applicant.name", "\"  \"")).containsExactly("data.applicant.name:required");
		assertThat(with("applicant", "{}")).containsExactly("data.applicant.name:required", "data.applicant.nameKana:required",
				"data.applicant.birthDate:required");
		assertThat(with("members", "[{\"birthDate\":\"1960-01-01\"},{}]")).containsExactly("data.members[0].name:required",
				"data.members[1].name:required");
	}

	@Test
	void unknownFieldsAreRefusedAtEveryLevel() {
		assertThat(with("extra", "1")).containsExactly("data.extra:unknown_field");
		assertThat(with("applicant.nickname", "\"タロ\"")).containsExactly("data.applicant.nickname:unknown_field");
		assertThat(with("members", "[{\"name\":\"花子\",\"age\":3}]")).containsExactly("data.members[0].age:unknown_field");
		assertThat(with("payee.iban", "\"x\"")).containsExactly("data.payee.iban:unknown_field");
		assertThat(with("x".repeat(5000), "1")).as("a long key is cut in the path").singleElement().asString().hasSizeLessThan(100);
	}

	@Test
	void wrongJsonTypesAreRefused() {
		assertThat(with("applicant.name", "42")).containsExactly("data.applicant.name:type");
		assertThat(with("amount", "\"300\"")).containsExactly("data.amount:type");
		assertThat(with("amount", "1.5")).containsExactly("data.amount:type");
		assertThat(with("agreed", "\"yes\"")).containsExactly("data.agreed:type");
		assertThat(with("members", "{\"name\":\"x\"}")).containsExactly("data.members:type");
		assertThat(with("members", "[\"花子\"]")).containsExactly("data.members[0]:type");
		assertThat(with("applicant", "\"山田\"")).containsExactly("data.applicant:type");
		assertThat(with("payee", "\"0001-001\"")).containsExactly("data.payee:type");
		assertThat(SampleData.problems(sample, Definitions.json("[]"))).containsExactly("data:type");
		assertThat(sample.validate((JsonNode) null, APPLIED)).hasSize(1);
	}

	@Test
	void groupsKeepTheirItemCounts() {
		String member = "{\"name\":\"花子\"}";
		assertThat(with("members", "[" + String.join(",", List.of(member, member, member)) + "]")).isEmpty();
		assertThat(with("members", "[" + String.join(",", List.of(member, member, member, member)) + "]"))
			.containsExactly("data.members:too_many");
		String many = "[" + (member + ",").repeat(99_999) + member + "]";
		assertThat(with("members", many)).containsExactly("data.members:too_many");
	}

	@Test
	void dataHeldAsMapsIsCheckedTheSameWay() {
		Map<String, Object> data = Map.of("applicant", Map.of("name", "山田", "nameKana", "ヤマダ", "birthDate", "R1.5.1"), "amount", 2);
		assertThat(sample.validate(data, APPLIED)).isEmpty();
		assertThat(sample.validate(Map.of("amount", "2"), APPLIED)).extracting(p -> p.path() + ":" + p.code())
			.contains("data.amount:type", "data.applicant.name:required");
	}

	@Test
	void invalidDataCannotBeNormalised() {
		assertThatThrownBy(() -> sample.normalise(SampleData.with("applicant.myNumber", "\"621498320258\""), APPLIED))
			.isInstanceOf(InvalidInput.class).hasMessageNotContaining("621498320258");
	}

	@Test
	void problemsAreCappedSoAResponseStaysSmallerThanTheUpload() {
		String bad = "{\"name\":1}";
		var data = SampleData.with("members", "[" + String.join(",", List.of(bad, bad, bad)) + "]");
		data.put("note", 1);
		for (int i = 0; i < 500; i++) {
			data.put("unknown" + i, i);
		}
		assertThat(sample.validate(data, APPLIED)).hasSize(ProblemList.MAX);
	}
}
