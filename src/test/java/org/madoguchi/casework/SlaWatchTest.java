package org.madoguchi.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.madoguchi.Api;
import org.madoguchi.MadoguchiTest;
import org.madoguchi.platform.TenantScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The care certification's 30-day limit: a warning at 80 %, and the deferral notice in time to arrive. */
@MadoguchiTest
class SlaWatchTest {

	private static final String KOBE = "281000";

	@LocalServerPort
	int port;

	@Autowired
	SlaWatch watch;

	@Autowired
	Cases cases;

	static Map<String, Object> careApplication() {
		return Map.of("application", Map.of("kind", "new"),
				"applicant", Map.of("insuredNumber", "0012345678", "insuredCategory", "first", "name", "山﨑 太郎", "nameKana", "ヤマザキ タロウ",
						"birthDate", "昭和20年5月1日", "sex", "male", "myNumber", "123456789018", "postalCode", "650-0001",
						"address", "神戸市中央区加納町6丁目5番1号", "phone", "078-331-8181"),
				"survey", Map.of("place", "自宅"), "doctor", Map.of("name", "医師 一郎", "clinic", "神戸中央クリニック"),
				"submitter", Map.of("relationship", "self"));
	}

	@Test
	void theSupervisorIsWarnedAtEightyPercentAndTheDeferralNoticeLeavesFiveDaysBeforeTheLimit() {
		var api = new Api(port);
		var opened = api.send("POST", "/api/v1/municipalities/" + KOBE + "/cases", api.token("kobe-clerk"),
				Api.json(Map.of("procedure", "care-certification", "channel", "online", "data", careApplication())), "en",
				Map.of("Idempotency-Key", "care-" + System.nanoTime()));
		assertThat(opened.status()).as(opened.body()).isEqualTo(201);
		String number = opened.json().get("caseNumber").asString();
		LocalDate received;
		try (var scope = TenantScope.open(KOBE)) {
			received = cases.find(KOBE, number).orElseThrow().receivedOn();
			assertThat(cases.find(KOBE, number).orElseThrow().dueDate()).isEqualTo(received.plusDays(30));

			watch.check(KOBE, received.plusDays(23));
			assertThat(kinds(number)).doesNotContain("sla-warning", "deferral-notice");

			watch.check(KOBE, received.plusDays(24));
			assertThat(kinds(number)).contains("sla-warning").doesNotContain("deferral-notice");

			watch.check(KOBE, received.plusDays(25));
			assertThat(kinds(number)).contains("deferral-notice");
			assertThat(cases.find(KOBE, number).orElseThrow().dueDate()).isEqualTo(received.plusDays(60));

			watch.check(KOBE, received.plusDays(26));
			assertThat(kinds(number).stream().filter("deferral-notice"::equals)).hasSize(1);
			assertThat(kinds(number).stream().filter("sla-warning"::equals)).hasSize(1);
		}
		var letters = api.get("/api/v1/municipalities/" + KOBE + "/letters?caseNumber=" + number, api.token("kobe-clerk"));
		assertThat(letters.body()).contains("deferral-notice");
		var supervisor = api.post("/api/v1/municipalities/" + KOBE + "/work/next?queue=supervisor", api.token("kobe-supervisor"), null);
		assertThat(supervisor.status()).isEqualTo(200);
		assertThat(api.post("/api/v1/municipalities/" + KOBE + "/work/next?queue=supervisor", api.token("kobe-clerk"), null).status())
			.isEqualTo(403);
	}

	private java.util.List<String> kinds(String number) {
		return cases.timeline(KOBE, number).stream().map(TimelineEntry::kind).toList();
	}
}
