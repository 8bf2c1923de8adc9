package org.madoguchi.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.madoguchi.Api;
import org.madoguchi.MadoguchiTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** A mailed request for a resident certificate, from the envelope to the decision, through the API. */
@MadoguchiTest
class MailedRequestLifecycleTest {

	private static final String CASES = "/api/v1/municipalities/281000/cases";

	@LocalServerPort
	int port;

	/** The demo requester's form; {@code copies} is the one field tests make two keyers disagree on. */
	static Map<String, Object> form(int copies) {
		var requester = new HashMap<String, Object>();
		requester.put("name", "髙橋 花子");
		requester.put("nameKana", "タカハシ ハナコ");
		requester.put("birthDate", "昭和60年4月1日");
		requester.put("postalCode", "650-0001");
		requester.put("address", "神戸市中央区加納町6丁目5番1号");
		requester.put("phone", "078-331-8181");
		requester.put("relationship", "self");
		return Map.of("requester", requester,
				"certificate", Map.of("kind", "juminhyo", "scope", "whole-household", "includeHeadAndRelationship", true,
						"includeDomicile", false, "includeMyNumber", false, "purpose", "勤務先への提出"),
				"copies", copies, "payment", Map.of("postalMoneyOrderAmount", 300,
						"receivedOn", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")).toString()),
				"returnEnvelope", true);
	}

	private Api.Response intake(Api api, String key, Object body) {
		return api.send("POST", CASES, api.token("kobe-clerk"), Api.json(body), "en", Map.of("Idempotency-Key", key));
	}

	private Api.Response move(Api api, String user, String number, Map<String, Object> move) {
		return api.post(CASES + "/" + number + "/transitions", api.token(user), Api.json(move));
	}

	private JsonNode claim(Api api, String user, String queue) {
		var claimed = api.post("/api/v1/municipalities/281000/work/next?queue=" + queue, api.token(user), null);
		assertThat(claimed.status()).as(user + " claims from " + queue + ": " + claimed.body()).isEqualTo(200);
		return claimed.json();
	}

	/** Other tests share the queues: claim until this test's case comes up (the others stay claimed, harmlessly). */
	private JsonNode claimCase(Api api, String user, String queue, String number) {
		for (int i = 0; i < 100; i++) {
			var task = claim(api, user, queue);
			if (task.get("caseNumber").asString().equals(number)) {
				return task;
			}
		}
		throw new AssertionError(number + " never came up in " + queue);
	}

	@Test
	void aMailedRequestIsKeyedTwiceCorrectedCheckedAndDecidedByDifferentPeople() {
		var api = new Api(port);
		String key = "envelope-" + System.nanoTime();
		var envelope = Map.of("procedure", "resident-certificate-by-mail", "channel", "mail", "data", Map.of());
		var opened = intake(api, key, envelope);
		assertThat(opened.status()).as(opened.body()).isEqualTo(201);
		String number = opened.json().get("caseNumber").asString();
		assertThat(opened.json().get("state").asString()).isEqualTo("received");
		assertThat(opened.json().get("dueDate").asString()).isNotBlank();

		// the scanner's retry finds the same case; the same key for another request is refused
		var retry = intake(api, key, envelope);
		assertThat(retry.status()).isEqualTo(200);
		assertThat(retry.json().get("caseNumber").asString()).isEqualTo(number);
		assertThat(intake(api, key, Map.of("procedure", "resident-certificate-by-mail", "channel", "online", "data", Map.of())).status())
			.isEqualTo(409);

		// first keying by a clerk, through the queue
		var task = claimCase(api, "kobe-clerk", "intake", number);
		var first = api.post("/api/v1/tasks/" + task.get("id").asLong() + "/complete", api.token("kobe-clerk"),
				Api.json(Map.of("transition", "key-request", "data", form(1))));
		assertThat(first.status()).as(first.body()).isEqualTo(200);
		assertThat(first.json().get("state").asString()).isEqualTo("received");

		// the same clerk may not key the second round
		assertThat(move(api, "kobe-clerk", number, Map.of("transition", "key-request", "data", form(1))).firstError())
			.isEqualTo("transition:same_keyer");

		// a second operator keys it independently and mistypes the number of copies
		var second = claimCase(api, "kobe-checker", "intake", number);
		assertThat(api.post("/api/v1/tasks/" + second.get("id").asLong() + "/complete", api.token("kobe-checker"),
				Api.json(Map.of("transition", "key-request", "data", form(2)))).json().get("state").asString()).isEqualTo("received");

		// the conflict goes to a checker who keyed neither round
		var conflict = claimCase(api, "kobe-supervisor", "keying-conflicts", number);
		var resolved = api.post("/api/v1/tasks/" + conflict.get("id").asLong() + "/complete", api.token("kobe-supervisor"),
				Api.json(Map.of("transition", "resolve-keying", "data", Map.of("copies", 1))));
		assertThat(resolved.json().get("state").asString()).as(resolved.body()).isEqualTo("checking");

		// the return envelope is missing: back to the resident, clock paused
		var deficient = move(api, "kobe-checker", number, Map.of("transition", "find-deficiency", "deficiencies",
				List.of(Map.of("path", "attachments.return-envelope", "reason", "no-return-envelope"))));
		assertThat(deficient.json().get("state").asString()).as(deficient.body()).isEqualTo("awaiting-resident");
		assertThat(deficient.json().get("slaPaused").asBoolean()).isTrue();
		var corrected = move(api, "kobe-clerk", number, Map.of("transition", "receive-correction", "reason", "返信用封筒を受領"));
		assertThat(corrected.json().get("state").asString()).isEqualTo("checking");
		assertThat(corrected.json().get("slaPaused").asBoolean()).isFalse();
		assertThat(move(api, "kobe-checker", number, Map.of("transition", "pass-check")).json().get("state").asString())
			.isEqualTo("awaiting-decision");

		// a clerk cannot decide; the city's official does
		assertThat(move(api, "kobe-clerk", number, Map.of("transition", "approve-issuance")).status()).isEqualTo(403);
		var decided = move(api, "kobe-official", number, Map.of("transition", "approve-issuance"));
		assertThat(decided.json().get("state").asString()).as(decided.body()).isEqualTo("issuing");

		var view = decided.json();
		var actors = view.get("timeline").valueStream().map(e -> e.get("actor").asString()).distinct().toList();
		assertThat(actors).contains("kobe-clerk", "kobe-checker", "kobe-supervisor", "kobe-official");
		assertThat(view.get("data").get("copies").asInt()).isEqualTo(1);
		assertThat(view.get("data").get("requester").get("phone").get("masked").asString()).endsWith("8181").doesNotContain("331");
		assertThat(decided.body()).doesNotContain("078-331-8181").doesNotContain("0783318181");

		// the deficiency notice and the acknowledgement went into mailing batches of their own type
		var letters = api.get("/api/v1/municipalities/281000/letters?caseNumber=" + number, api.token("kobe-clerk"));
		assertThat(letters.status()).as(letters.body()).isEqualTo(200);
		assertThat(letters.body()).contains("deficiency-notice").contains("acknowledgement");
	}

	@Test
	void invalidDataGetsOneErrorPerFieldAndWritesNothing() {
		var api = new Api(port);
		var data = new HashMap<>(form(1));
		var requester = new HashMap<>((Map<String, Object>) data.get("requester"));
		requester.put("birthDate", "平成32年2月30日");
		requester.put("nameKana", "Hanako");
		data.put("requester", requester);
		String key = "bad-" + System.nanoTime();
		var response = intake(api, key, Map.of("procedure", "resident-certificate-by-mail", "channel", "online", "data", data));
		assertThat(response.status()).isEqualTo(422);
		var paths = response.json().get("errors").valueStream().map(e -> e.get("path").asString()).toList();
		assertThat(paths).contains("data.requester.birthDate", "data.requester.nameKana");
		var search = api.get(CASES + "?nameKana=" + java.net.URLEncoder.encode("ハナコ", java.nio.charset.StandardCharsets.UTF_8),
				api.token("kobe-clerk"));
		assertThat(search.status()).isEqualTo(200);
		// the same key now works for a corrected request: nothing of the refused one was kept
		assertThat(intake(api, key, Map.of("procedure", "resident-certificate-by-mail", "channel", "online", "data", form(1))).status())
			.isEqualTo(201);
	}

	@Test
	void aCityOfficialCannotAssignWorkToAnOperatorEmployee() {
		var api = new Api(port);
		var opened = intake(api, "assign-" + System.nanoTime(), Map.of("procedure", "resident-certificate-by-mail", "channel", "mail", "data", Map.of()));
		var queues = api.get("/api/v1/municipalities/281000/work/queues", api.token("kobe-supervisor"));
		assertThat(queues.body()).contains("intake");
		var task = claim(api, "kobe-clerk", "intake");
		var direct = api.post("/api/v1/municipalities/281000/tasks/" + task.get("id").asLong() + "/assign", api.token("kobe-official"),
				Api.json(Map.of("assignee", "kobe-checker")));
		assertThat(direct.status()).isEqualTo(403);
		assertThat(direct.firstError()).isEqualTo("assignee:direct_instruction_forbidden");
		var bySupervisor = api.post("/api/v1/municipalities/281000/tasks/" + task.get("id").asLong() + "/assign", api.token("kobe-supervisor"),
				Api.json(Map.of("assignee", "kobe-checker")));
		assertThat(bySupervisor.status()).isEqualTo(204);
		assertThat(opened.status()).isEqualTo(201);
	}

	@Test
	void searchFindsTheApplicantByKanaAndPhoneWithoutClearValues() {
		var api = new Api(port);
		var opened = intake(api, "search-" + System.nanoTime(), Map.of("procedure", "resident-certificate-by-mail", "channel", "online", "data", form(1)));
		assertThat(opened.status()).as(opened.body()).isEqualTo(201);
		String number = opened.json().get("caseNumber").asString();
		var byKana = api.get(CASES + "?nameKana=" + java.net.URLEncoder.encode("ﾀｶﾊｼﾊﾅｺ", java.nio.charset.StandardCharsets.UTF_8)
				+ "&birthDate=1985-04-01", api.token("kobe-clerk"));
		assertThat(byKana.body()).contains(number);
		assertThat(api.get(CASES + "?phone=0783318181", api.token("kobe-clerk")).body()).contains(number);
		var typo = number.substring(0, 10) + ((number.charAt(10) - '0' + 1) % 10);
		assertThat(api.get(CASES + "/" + typo, api.token("kobe-clerk")).firstError()).isEqualTo("caseNumber:check_digit");
	}
}
