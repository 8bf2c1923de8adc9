package org.madoguchi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.madoguchi.Api;
import org.madoguchi.MadoguchiTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@MadoguchiTest
class TokenApiTest {

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	@LocalServerPort
	int port;

	private String newClerk(Api api) {
		String username = "clerk-" + System.nanoTime() % 100000 + "-" + SEQUENCE.incrementAndGet();
		var created = api.post("/api/v1/admin/accounts", api.token("admin"), Api.json(Map.of("username", username,
				"password", "correct horse battery", "displayName", "テスト 入力", "organization", "operator",
				"roles", List.of("OPERATOR_CLERK"), "municipalities", List.of("281000"))));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return username;
	}

	private Api.Response login(Api api, String username, String password) {
		return api.post("/api/v1/tokens", null, Api.json(Map.of("username", username, "password", password)));
	}

	@Test
	void theRightPasswordGivesATokenThatIdentifiesTheCaller() {
		var api = new Api(port);
		var response = login(api, "kobe-clerk", Api.DEMO_PASSWORD);
		assertThat(response.status()).isEqualTo(201);
		assertThat(response.json().get("expiresAt").asString()).isNotBlank();
		var me = api.get("/api/v1/me", response.json().get("token").asString()).json();
		assertThat(me.get("username").asString()).isEqualTo("kobe-clerk");
		assertThat(me.get("roles").get(0).asString()).isEqualTo("OPERATOR_CLERK");
		assertThat(me.get("municipalities").get(0).asString()).isEqualTo("281000");
	}

	@Test
	void aWrongPasswordIsRefusedWith401AndALocalisedMessage() {
		var api = new Api(port);
		var ja = api.send("POST", "/api/v1/tokens", null, Api.json(Map.of("username", newClerk(api), "password", "wrong")), "ja");
		assertThat(ja.status()).isEqualTo(401);
		assertThat(ja.json().get("errors").get(0).get("message").asString()).contains("パスワード");
		var en = api.send("POST", "/api/v1/tokens", null, Api.json(Map.of("username", "nobody-here", "password", "wrong")), "en");
		assertThat(en.status()).isEqualTo(401);
		assertThat(en.json().get("errors").get(0).get("message").asString()).contains("password");
	}

	@Test
	void fiveFailuresLockTheAccountEvenAgainstTheRightPassword() {
		var api = new Api(port);
		String username = newClerk(api);
		for (int i = 0; i < SignIn.MAX_FAILURES; i++) {
			assertThat(login(api, username, "wrong-" + i).status()).isIn(401, 423);
		}
		var locked = login(api, username, "correct horse battery");
		assertThat(locked.status()).isEqualTo(423);
		assertThat(locked.firstError()).isEqualTo("username:locked");
	}

	@Test
	void rolesThatRevealPersonalDataNeedAOneTimeCode() {
		var api = new Api(port);
		assertThat(login(api, "kobe-official", Api.DEMO_PASSWORD).firstError()).isEqualTo("totp:totp_required");
		var wrongCode = api.post("/api/v1/tokens", null,
				Api.json(Map.of("username", "kobe-supervisor", "password", Api.DEMO_PASSWORD, "totp", "000000")));
		assertThat(wrongCode.status()).isEqualTo(401);
		var withCode = api.post("/api/v1/tokens", null, Api.json(Map.of("username", "kobe-supervisor", "password",
				Api.DEMO_PASSWORD, "totp", Api.demoCode("kobe-supervisor"))));
		assertThat(withCode.status()).isEqualTo(201);
	}

	@Test
	void aOneTimeCodeCannotBeUsedTwice() {
		var api = new Api(port);
		String code = Api.demoCode("osaka-official");
		var body = Api.json(Map.of("username", "osaka-official", "password", Api.DEMO_PASSWORD, "totp", code));
		assertThat(api.post("/api/v1/tokens", null, body).status()).isEqualTo(201);
		assertThat(api.post("/api/v1/tokens", null, body).firstError()).isEqualTo("totp:bad_totp");
	}

	@Test
	void requestsWithoutOrWithABadTokenAreRefused() {
		var api = new Api(port);
		assertThat(api.get("/api/v1/me", null).status()).isEqualTo(401);
		assertThat(api.get("/api/v1/me", "mdg_forged").firstError()).isEqualTo("Authorization:invalid_token");
	}

	@Test
	void malformedJsonIsA400NotA500() {
		var api = new Api(port);
		var response = api.post("/api/v1/tokens", null, "{\"username\": ");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.firstError()).isEqualTo("body:malformed");
	}

	@Test
	void healthAnswersUp() {
		assertThat(new Api(port).get("/actuator/health", null).body()).isEqualTo("{\"status\":\"UP\"}");
	}
}
