package org.madoguchi.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.madoguchi.Api;
import org.madoguchi.MadoguchiTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The shipped procedures never let an official prepare a case, so the rule "a decider is never one who
 * prepared the case" is tried on a city's own variant that lets officials take in corrections.
 */
@MadoguchiTest
class SegregationOfDutiesTest {

	private static final String BASE = "/api/v1/municipalities/281000";

	@LocalServerPort
	int port;

	private Api.Response move(Api api, String user, String number, Map<String, Object> move) {
		return api.post(BASE + "/cases/" + number + "/transitions", api.token(user), Api.json(move));
	}

	@Test
	void anOfficialWhoTookInTheCorrectionCannotDecideTheCase() throws Exception {
		var api = new Api(port);
		String yaml;
		try (var in = getClass().getResourceAsStream("/procedures/resident-certificate-by-mail.yaml")) {
			yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		String variant = yaml.replace("id: resident-certificate-by-mail", "id: segregation-drill")
			.replace("kind: correction, roles: [OPERATOR_CLERK, OPERATOR_CHECKER]", "kind: correction, roles: [OPERATOR_CLERK, OPERATOR_CHECKER, MUNICIPAL_OFFICIAL]");
		assertThat(variant).contains("MUNICIPAL_OFFICIAL]");
		var published = api.send("PUT", BASE + "/procedures/segregation-drill", api.token("admin"), variant, "en",
				Map.of("Content-Type", "application/yaml"));
		assertThat(published.status()).as(published.body()).isEqualTo(200);

		var opened = api.send("POST", BASE + "/cases", api.token("kobe-clerk"),
				Api.json(Map.of("procedure", "segregation-drill", "channel", "mail", "data", Map.of())), "en",
				Map.of("Idempotency-Key", "drill-" + System.nanoTime()));
		String number = opened.json().get("caseNumber").asString();
		var form = MailedRequestLifecycleTest.form(1);
		assertThat(move(api, "kobe-clerk", number, Map.of("transition", "key-request", "data", form)).status()).isEqualTo(200);
		assertThat(move(api, "kobe-checker", number, Map.of("transition", "key-request", "data", form)).json().get("state").asString())
			.isEqualTo("checking");
		move(api, "kobe-checker", number, Map.of("transition", "find-deficiency", "deficiencies",
				List.of(Map.of("path", "copies", "reason", "missing-field"))));
		assertThat(move(api, "kobe-official", number, Map.of("transition", "receive-correction")).json().get("state").asString())
			.isEqualTo("checking");
		assertThat(move(api, "kobe-checker", number, Map.of("transition", "pass-check")).json().get("state").asString())
			.isEqualTo("awaiting-decision");

		var decision = move(api, "kobe-official", number, Map.of("transition", "approve-issuance"));
		assertThat(decision.status()).isEqualTo(403);
		assertThat(decision.firstError()).isEqualTo("transition:segregation_of_duties");
		assertThat(api.get(BASE + "/cases/" + number, api.token("kobe-clerk")).json().get("state").asString()).isEqualTo("awaiting-decision");
	}

	@Test
	void aClerkOfKobeCannotTouchAnOsakaCase() {
		var api = new Api(port);
		var osaka = api.send("POST", "/api/v1/municipalities/271004/cases", api.token("osaka-clerk"),
				Api.json(Map.of("procedure", "resident-certificate-by-mail", "channel", "mail", "data", Map.of())), "en",
				Map.of("Idempotency-Key", "osaka-" + System.nanoTime()));
		assertThat(osaka.status()).as(osaka.body()).isEqualTo(201);
		String number = osaka.json().get("caseNumber").asString();
		assertThat(api.get("/api/v1/municipalities/271004/cases/" + number, api.token("kobe-clerk")).status()).isEqualTo(404);
		assertThat(api.get(BASE + "/cases/" + number, api.token("kobe-clerk")).status()).isEqualTo(404);
		assertThat(move(api, "kobe-clerk", number, Map.of("transition", "withdraw")).status()).isEqualTo(404);
	}
}
