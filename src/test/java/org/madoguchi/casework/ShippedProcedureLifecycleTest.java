package org.madoguchi.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.madoguchi.Api;
import org.madoguchi.MadoguchiTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * Every shipped procedure end to end through the API: intake, double keying with one conflict resolved,
 * a deficiency and its correction, the check, the steps, and the city's decision; the timeline names each
 * actor and the deficiency notice is in a mailing batch.
 */
@MadoguchiTest
class ShippedProcedureLifecycleTest {

	private static final String BASE = "/api/v1/municipalities/281000";
	private static final Map<String, String> USER_FOR_ROLE = Map.of("OPERATOR_CLERK", "kobe-clerk", "OPERATOR_CHECKER", "kobe-checker",
			"OPERATOR_SUPERVISOR", "kobe-supervisor", "MUNICIPAL_OFFICIAL", "kobe-official");

	@LocalServerPort
	int port;

	private Api.Response move(Api api, String user, String number, Map<String, Object> move) {
		return api.post(BASE + "/cases/" + number + "/transitions", api.token(user), Api.json(move));
	}

	@ParameterizedTest
	@ValueSource(strings = { "care-certification", "resident-certificate-by-mail", "my-number-card-issuance", "move-in-notification" })
	void aCaseTravelsFromIntakeToTheCitysDecision(String procedureId) {
		var api = new Api(port);
		var definition = api.get(BASE + "/procedures/" + procedureId, api.token("kobe-clerk")).json();
		var channels = definition.get("channels").valueStream().map(JsonNode::asString).toList();
		String channel = channels.contains("mail") ? "mail" : "counter";
		var opened = api.send("POST", BASE + "/cases", api.token("kobe-clerk"),
				Api.json(Map.of("procedure", procedureId, "channel", channel, "data", Map.of())), "en",
				Map.of("Idempotency-Key", procedureId + "-" + System.nanoTime()));
		assertThat(opened.status()).as(opened.body()).isEqualTo(201);
		String number = opened.json().get("caseNumber").asString();
		var workflow = definition.get("workflow");
		String keying = transition(workflow, "keying");

		var first = move(api, "kobe-clerk", number, Map.of("transition", keying, "data", FormFiller.fill(definition.get("fields"), "")));
		assertThat(first.status()).as(first.body()).isEqualTo(200);
		var second = move(api, "kobe-checker", number, Map.of("transition", keying, "data", FormFiller.fill(definition.get("fields"), "B")));
		assertThat(second.json().get("state").asString()).isEqualTo(opened.json().get("state").asString());
		var conflicts = second.json().get("timeline").valueStream().reduce((a, b) -> b).orElseThrow().get("details").asString();
		assertThat(conflicts).contains("conflicts");
		var resolved = move(api, "kobe-supervisor", number, Map.of("transition", Move.RESOLVE_KEYING, "data",
				FormFiller.fill(definition.get("fields"), "")));
		assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
		String state = resolved.json().get("state").asString();

		String reason = definition.get("deficiencyReasons").get(0).get("code").asString();
		var deficient = move(api, "kobe-checker", number, Map.of("transition", transition(workflow, "deficiency"), "deficiencies",
				List.of(Map.of("path", definition.get("fields").get(0).get("path").asString(), "reason", reason))));
		assertThat(deficient.json().get("slaPaused").asBoolean()).as(deficient.body()).isTrue();
		var corrected = move(api, "kobe-clerk", number, Map.of("transition", transition(workflow, "correction")));
		assertThat(corrected.json().get("state").asString()).isEqualTo(state);

		// from here, take the first transition that moves forward until an official can decide
		for (int step = 0; step < 10; step++) {
			var decision = leaving(workflow, state, Set.of("decision"));
			if (decision != null) {
				var decided = move(api, "kobe-official", number, Map.of("transition", decision.get("id").asString()));
				assertThat(decided.status()).as(decided.body()).isEqualTo(200);
				var actors = decided.json().get("timeline").valueStream().map(e -> e.get("actor").asString()).toList();
				assertThat(actors).contains("kobe-clerk", "kobe-checker", "kobe-supervisor", "kobe-official");
				var letters = api.get(BASE + "/letters?caseNumber=" + number, api.token("kobe-clerk")).body();
				assertThat(letters).contains("deficiency-notice");
				return;
			}
			var next = leaving(workflow, state, Set.of("check", "step", "handover"));
			assertThat(next).as("a way forward from " + state).isNotNull();
			String role = next.get("roles").valueStream().map(JsonNode::asString).filter(USER_FOR_ROLE::containsKey).findFirst().orElseThrow();
			var moved = move(api, USER_FOR_ROLE.get(role), number, Map.of("transition", next.get("id").asString()));
			assertThat(moved.status()).as(moved.body()).isEqualTo(200);
			state = moved.json().get("state").asString();
		}
		throw new AssertionError(procedureId + " never reached a decision");
	}

	private static String transition(JsonNode workflow, String kind) {
		return workflow.get("transitions").valueStream().filter(t -> t.get("kind").asString().equals(kind)).findFirst().orElseThrow()
			.get("id").asString();
	}

	private static JsonNode leaving(JsonNode workflow, String state, Set<String> kinds) {
		return workflow.get("transitions").valueStream()
			.filter(t -> kinds.contains(t.get("kind").asString()))
			.filter(t -> t.get("from").isArray() ? t.get("from").valueStream().anyMatch(f -> f.asString().equals(state))
					: t.get("from").asString().equals(state))
			.filter(t -> !t.get("to").asString().equals(state))
			.findFirst().orElse(null);
	}
}
