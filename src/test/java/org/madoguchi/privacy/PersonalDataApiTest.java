package org.madoguchi.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.madoguchi.Api;
import org.madoguchi.MadoguchiTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@MadoguchiTest
class PersonalDataApiTest {

	private static final String KOBE_DATA = "/api/v1/municipalities/281000/personal-data";

	@LocalServerPort
	int port;

	@Test
	void aClerkStoresAMyNumberAndGetsBackOnlyAReferenceAndAMask() {
		var api = new Api(port);
		String number = MyNumbers.random();

		var created = store(api, "kobe-clerk", "my-number", number);

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.body()).doesNotContain(number);
		assertThat(created.json().get("kind").asString()).isEqualTo("my-number");
		assertThat(created.json().get("masked").asString()).isEqualTo("********" + number.substring(8));
		var fetched = api.get(KOBE_DATA + "/" + created.json().get("id").asLong(), api.token("kobe-clerk"));
		assertThat(fetched.status()).isEqualTo(200);
		assertThat(fetched.json()).isEqualTo(created.json());
	}

	@Test
	void aCheckerRevealsTheValueForAReason() {
		var api = new Api(port);
		String number = MyNumbers.random();
		long id = store(api, "kobe-clerk", "my-number", number).json().get("id").asLong();

		var revealed = api.post(KOBE_DATA + "/" + id + "/reveal", api.token("kobe-checker"), Api.json(Map.of("reason", "本人確認書類との照合")));

		assertThat(revealed.status()).as(revealed.body()).isEqualTo(200);
		assertThat(revealed.json().get("value").asString()).isEqualTo(number);
		assertThat(revealed.json().get("id").asLong()).isEqualTo(id);
		assertThat(revealed.json().get("kind").asString()).isEqualTo("my-number");
	}

	@Test
	void revealingWithoutAReasonIsRefusedWith422() {
		var api = new Api(port);
		long id = store(api, "kobe-clerk", "bank-account", "1234567").json().get("id").asLong();

		var blank = api.post(KOBE_DATA + "/" + id + "/reveal", api.token("kobe-checker"), Api.json(Map.of("reason", " ")));
		var missing = api.post(KOBE_DATA + "/" + id + "/reveal", api.token("kobe-checker"), "{}");

		assertThat(blank.status()).isEqualTo(422);
		assertThat(blank.firstError()).isEqualTo("reason:required");
		assertThat(missing.firstError()).isEqualTo("reason:required");
	}

	@Test
	void aRoleThatMayNotSeePersonalDataIsRefusedWith403() {
		var api = new Api(port);
		long id = store(api, "kobe-clerk", "my-number", MyNumbers.random()).json().get("id").asLong();

		var byClerk = api.post(KOBE_DATA + "/" + id + "/reveal", api.token("kobe-clerk"), Api.json(Map.of("reason", "確認のため")));
		var byAuditor = api.post(KOBE_DATA + "/" + id + "/reveal", api.token("auditor"), Api.json(Map.of("reason", "確認のため")));

		assertThat(byClerk.status()).isEqualTo(403);
		assertThat(byClerk.body()).doesNotContain("\"value\"");
		assertThat(byAuditor.status()).isEqualTo(403);
	}

	@Test
	void theAuditorMayNotStorePersonalData() {
		assertThat(store(new Api(port), "auditor", "phone", "078-331-8181").status()).isEqualTo(403);
	}

	@Test
	void invalidKindsAndValuesAreRefusedWithTheirFieldAndCode() {
		var api = new Api(port);

		assertThat(store(api, "kobe-clerk", "my-number", "621498320258").firstError()).isEqualTo("value:check_digit");
		assertThat(store(api, "kobe-clerk", "my-number", "62149832025").firstError()).isEqualTo("value:format");
		assertThat(store(api, "kobe-clerk", "bank-account", "123").firstError()).isEqualTo("value:format");
		assertThat(store(api, "kobe-clerk", "passport", "TK1234567").firstError()).isEqualTo("kind:unknown_kind");
		var english = api.send("POST", KOBE_DATA, api.token("kobe-clerk"), Api.json(Map.of("kind", "passport", "value", "x")), "en");
		assertThat(english.status()).isEqualTo(422);
		assertThat(english.json().get("errors").get(0).get("message").asString()).isEqualTo("This kind is not valid.");
		var japanese = store(api, "kobe-clerk", "passport", "x");
		assertThat(japanese.json().get("errors").get(0).get("message").asString()).isEqualTo("区分が正しくありません。");
	}

	@Test
	void searchFindsTheStoredValueByExactMatch() {
		var api = new Api(port);
		String number = MyNumbers.random();
		long id = store(api, "kobe-clerk", "my-number", number).json().get("id").asLong();
		store(api, "kobe-clerk", "my-number", MyNumbers.random());

		var found = api.post(KOBE_DATA + ":search", api.token("kobe-clerk"), Api.json(Map.of("kind", "my-number", "value", number)));

		assertThat(found.status()).as(found.body()).isEqualTo(200);
		assertThat(found.json().get("items")).hasSize(1);
		assertThat(found.json().get("items").get(0).get("id").asLong()).isEqualTo(id);
		assertThat(found.body()).doesNotContain(number);
	}

	@Test
	void anotherCitysStaffCannotSeeTheRecord() {
		var api = new Api(port);
		long id = store(api, "kobe-clerk", "my-number", MyNumbers.random()).json().get("id").asLong();

		assertThat(api.get(KOBE_DATA + "/" + id, api.token("osaka-clerk")).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/municipalities/271004/personal-data/" + id, api.token("osaka-clerk")).status()).isEqualTo(404);
	}

	@Test
	void anAdministratorRotatesAMunicipalitysKeyAndReWrapsKeys() {
		var api = new Api(port);

		var rotated = api.post("/api/v1/municipalities/271004/keys:rotate", api.token("admin"), null);
		var rewrapped = api.post("/api/v1/admin/keys:rewrap", api.token("admin"), null);

		assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
		assertThat(rotated.json().get("municipality").asString()).isEqualTo("271004");
		assertThat(rotated.json().get("encryptionKeyVersion").asInt()).isGreaterThanOrEqualTo(2);
		assertThat(rewrapped.status()).as(rewrapped.body()).isEqualTo(200);
		assertThat(rewrapped.json().get("rewrapped").asInt()).isZero();
		assertThat(api.post("/api/v1/municipalities/281000/keys:rotate", api.token("kobe-supervisor"), null).status()).isEqualTo(403);
	}

	private static Api.Response store(Api api, String user, String kind, String value) {
		return api.post(KOBE_DATA, api.token(user), Api.json(Map.of("kind", kind, "value", value)));
	}
}
