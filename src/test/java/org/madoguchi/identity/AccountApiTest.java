package org.madoguchi.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.madoguchi.Api;
import org.madoguchi.MadoguchiTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@MadoguchiTest
class AccountApiTest {

	@LocalServerPort
	int port;

	private Map<String, Object> account(String username) {
		var body = new HashMap<String, Object>();
		body.put("username", username);
		body.put("password", "a long enough passphrase");
		body.put("displayName", "神戸 太郎");
		body.put("organization", "operator");
		body.put("roles", List.of("OPERATOR_CLERK"));
		body.put("municipalities", List.of("281000"));
		return body;
	}

	private Api.Response create(Map<String, Object> body) {
		var api = new Api(port);
		return api.post("/api/v1/admin/accounts", api.token("admin"), Api.json(body));
	}

	@Test
	void anAdministratorCreatesAnAccountThatCanSignInAndSeesOnlyItsCity() {
		var created = create(account("new-clerk-1"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().get("secondFactorRequired").asBoolean()).isFalse();
		var api = new Api(port);
		var token = api.post("/api/v1/tokens", null, Api.json(Map.of("username", "new-clerk-1", "password", "a long enough passphrase")));
		assertThat(token.status()).isEqualTo(201);
		var municipalities = api.get("/api/v1/municipalities", token.json().get("token").asString()).json();
		assertThat(municipalities.size()).isEqualTo(1);
	}

	@Test
	void aWeakPasswordIsRefusedWithItsFieldPath() {
		var body = account("weak-one");
		body.put("password", "short");
		var response = create(body);
		assertThat(response.status()).isEqualTo(422);
		assertThat(response.firstError()).isEqualTo("password:password_too_short");
	}

	@Test
	void anUnknownRoleOrMunicipalityIsRefusedNamingEachBadEntry() {
		var body = account("unknown-bits");
		body.put("roles", List.of("OPERATOR_CLERK", "KING"));
		body.put("municipalities", List.of("281000", "131016"));
		var response = create(body);
		assertThat(response.status()).isEqualTo(422);
		var paths = response.json().get("errors").valueStream().map(e -> e.get("path").asString() + ":" + e.get("code").asString()).toList();
		assertThat(paths).containsExactlyInAnyOrder("roles[1]:unknown_role", "municipalities[1]:unknown_municipality");
	}

	@Test
	void cityRolesCannotBeGivenToOperatorStaff() {
		var body = account("operator-deciding");
		body.put("roles", List.of("MUNICIPAL_OFFICIAL"));
		assertThat(create(body).firstError()).isEqualTo("roles[0]:role_not_allowed");
	}

	@Test
	void aDuplicateUsernameIsAConflictAndNothingIsWrittenTwice() {
		assertThat(create(account("twice-clerk")).status()).isEqualTo(201);
		var again = create(account("twice-clerk"));
		assertThat(again.status()).isEqualTo(409);
		var api = new Api(port);
		var list = api.get("/api/v1/admin/accounts", api.token("admin")).json();
		assertThat(list.valueStream().filter(a -> a.get("username").asString().equals("twice-clerk")).count()).isEqualTo(1);
	}

	@Test
	void onlyAdministratorsMayCreateAccounts() {
		var api = new Api(port);
		var response = api.post("/api/v1/admin/accounts", api.token("kobe-clerk"), Api.json(account("sneaky-clerk")));
		assertThat(response.status()).isEqualTo(403);
	}
}
