package org.madoguchi.procedures;

import java.time.LocalDate;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Valid case data for the sample procedure, and the same data with one value replaced. */
final class SampleData {

	static final LocalDate APPLIED = LocalDate.of(2025, 6, 1);
	static final String VALID = """
			{"applicant":{"name":"山田 太郎","nameKana":"やまだ たろう","birthDate":"昭和30年4月2日","myNumber":"123456789018",
			  "corporateNumber":"7123456789012","postalCode":"650-0001","phone":"078-331-8181"},
			 "note":"一行目\\n二行目\\tです","movedOn":"2025-05-01",
			 "payee":{"bankCode":"0001","branchCode":"001","accountType":1,"accountNumber":"12345","holderKana":"ﾔﾏﾀﾞ ﾀﾛｳ"},
			 "amount":3,"kind":"first","agreed":true,"members":[{"name":"山田 花子","birthDate":"1960-02-29"}]}
			""";

	private SampleData() {
	}

	/** The valid data with the value at a dotted path set to a JSON value. */
	static ObjectNode with(String path, String json) {
		ObjectNode data = (ObjectNode) Definitions.json(VALID);
		String[] steps = path.split("\\.");
		ObjectNode parent = data;
		for (int i = 0; i < steps.length - 1; i++) {
			parent = (ObjectNode) parent.get(steps[i]);
		}
		parent.set(steps[steps.length - 1], Definitions.json(json));
		return data;
	}

	/** The problems of case data as {@code path:code}. */
	static List<String> problems(Procedure procedure, JsonNode data) {
		return procedure.validate(data, APPLIED).stream().map(p -> p.path() + ":" + p.code()).toList();
	}

	static String quoted(String text) {
		return Definitions.JSON.writeValueAsString(text);
	}
}
