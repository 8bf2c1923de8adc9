package org.madoguchi.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.madoguchi.Api;
import org.madoguchi.MadoguchiTest;
import org.madoguchi.audit.AuditEvent;
import org.madoguchi.audit.AuditTrail;
import org.madoguchi.platform.TenantScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo auditor works for 神戸市 (281000) only; kobe-clerk works there too but is no auditor. */
@MadoguchiTest
class AuditApiTest {

	static final String KOBE = "/api/v1/municipalities/281000/audit";

	@LocalServerPort
	int port;

	@Autowired
	AuditTrail trail;

	@Autowired
	JdbcClient db;

	Api api;

	@BeforeEach
	void client() {
		api = new Api(port);
	}

	@Test
	void an_auditor_verifies_the_chain_of_their_city() {
		record(AuditEvent.of("281000", "case.viewed", "case", "API-1"));
		long stored;
		try (var scope = TenantScope.open("281000")) {
			stored = db.sql("select count(*) from audit_entry").query(Long.class).single();
		}

		var response = api.get(KOBE + "/verify", api.token("auditor"));

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json().get("valid").asBoolean()).isTrue();
		assertThat(response.json().get("entries").asLong()).isEqualTo(stored);
		assertThat(response.json().has("firstBrokenEntry")).isFalse();
	}

	@Test
	void staff_who_are_not_auditors_are_refused() {
		var verify = api.get(KOBE + "/verify", api.token("kobe-clerk"));
		var list = api.get(KOBE, api.token("kobe-clerk"));

		assertThat(verify.status()).isEqualTo(403);
		assertThat(verify.firstError()).isEqualTo("role:forbidden");
		assertThat(list.status()).isEqualTo(403);
	}

	@Test
	void another_citys_trail_does_not_even_exist_for_the_auditor() {
		var verify = api.get("/api/v1/municipalities/271004/audit/verify", api.token("auditor"));
		var list = api.get("/api/v1/municipalities/271004/audit", api.token("auditor"));

		assertThat(verify.status()).isEqualTo(404);
		assertThat(verify.firstError()).isEqualTo("code:not_found");
		assertThat(list.status()).isEqualTo(404);
	}

	@Test
	void the_listing_shows_matching_entries_newest_first_with_every_field() {
		record(AuditEvent.of("281000", "resident.viewed", "resident", "API-LIST").because("電話での本人確認").with("channel", "phone"));
		record(AuditEvent.of("281000", "resident.printed", "resident", "API-LIST"));

		var response = api.get(KOBE + "?subjectType=resident&subjectId=API-LIST&size=1", api.token("auditor"));

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		var body = response.json();
		assertThat(body.get("total").asLong()).isEqualTo(2);
		assertThat(body.get("items").size()).isEqualTo(1);
		var newest = body.get("items").get(0);
		assertThat(newest.get("action").asString()).isEqualTo("resident.printed");
		assertThat(newest.get("actor").asString()).isEqualTo("system");
		assertThat(newest.get("at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");

		var older = api.get(KOBE + "?subjectId=API-LIST&action=resident.viewed", api.token("auditor")).json().get("items").get(0);
		assertThat(older.get("id").asLong()).isEqualTo(newest.get("id").asLong() - 1);
		assertThat(older.get("subjectType").asString()).isEqualTo("resident");
		assertThat(older.get("reason").asString()).isEqualTo("電話での本人確認");
		assertThat(older.get("details").get("channel").asString()).isEqualTo("phone");
	}

	@Test
	void bad_parameters_are_answered_422_with_each_parameter_named_in_the_callers_language() {
		var response = api.send("GET", KOBE + "?from=2026-13-01&size=500&page=x", api.token("auditor"), null, "en");
		var reversed = api.get(KOBE + "?from=2026-11-03&to=2026-11-02", api.token("auditor"));

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.body()).contains("\"path\":\"from\"", "\"path\":\"size\"", "\"path\":\"page\"", "out of range");
		assertThat(reversed.status()).isEqualTo(422);
		assertThat(reversed.firstError()).isEqualTo("to:to_before_from");
		assertThat(reversed.body()).contains("終了日は開始日以降");
	}

	private void record(AuditEvent event) {
		try (var scope = TenantScope.open(event.municipality())) {
			trail.record(event);
		}
	}
}
