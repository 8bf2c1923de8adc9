package org.madoguchi.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.madoguchi.Api;
import org.madoguchi.MadoguchiTest;
import org.madoguchi.documents.PdfReading;
import org.madoguchi.japan.WarekiDate;
import org.madoguchi.platform.TenantScope;
import org.madoguchi.tenancy.OfficeCalendars;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A deficient application: one reminder letter (再通知) after five business days, withdrawal after the deadline. */
@MadoguchiTest
class DeficiencyFollowUpTest {

	private static final String KOBE = "281000";
	private static final String BASE = "/api/v1/municipalities/" + KOBE;

	@LocalServerPort
	int port;

	@Autowired
	DeficiencyFollowUp followUp;

	@Autowired
	Cases cases;

	@Autowired
	OfficeCalendars calendars;

	@Test
	void theResidentIsRemindedOnceAndTheCaseIsWithdrawnWhenTheDeadlinePasses() {
		var api = new Api(port);
		var opened = api.send("POST", BASE + "/cases", api.token("kobe-clerk"),
				Api.json(Map.of("procedure", "resident-certificate-by-mail", "channel", "mail", "data", Map.of())), "en",
				Map.of("Idempotency-Key", "lapse-" + System.nanoTime()));
		String number = opened.json().get("caseNumber").asString();
		var form = MailedRequestLifecycleTest.form(1);
		api.post(BASE + "/cases/" + number + "/transitions", api.token("kobe-clerk"), Api.json(Map.of("transition", "key-request", "data", form)));
		api.post(BASE + "/cases/" + number + "/transitions", api.token("kobe-checker"), Api.json(Map.of("transition", "key-request", "data", form)));
		var deficient = api.post(BASE + "/cases/" + number + "/transitions", api.token("kobe-checker"), Api.json(Map.of("transition",
				"find-deficiency", "deficiencies", List.of(Map.of("path", "returnEnvelope", "reason", "no-return-envelope")))));
		assertThat(deficient.json().get("state").asString()).isEqualTo("awaiting-resident");

		LocalDate deadline;
		try (var scope = TenantScope.open(KOBE)) {
			var paused = cases.find(KOBE, number).orElseThrow().slaPausedSince();
			var calendar = calendars.of(KOBE);
			deadline = calendar.addBusinessDays(paused, 10);
			followUp.check(KOBE, calendar.addBusinessDays(paused, 4));
			assertThat(kinds(number)).doesNotContain("deficiency-reminder");
			followUp.check(KOBE, calendar.addBusinessDays(paused, 5));
			followUp.check(KOBE, calendar.addBusinessDays(paused, 6));
			assertThat(kinds(number).stream().filter("deficiency-reminder"::equals)).hasSize(1);
			assertThat(cases.find(KOBE, number).orElseThrow().state()).isEqualTo("awaiting-resident");

			followUp.check(KOBE, calendar.addBusinessDays(paused, 10).plusDays(1));
			assertThat(cases.find(KOBE, number).orElseThrow().state()).isEqualTo("withdrawn");
			assertThat(kinds(number)).endsWith("lapsed");
		}
		var letters = api.get(BASE + "/letters?caseNumber=" + number, api.token("kobe-clerk")).json().valueStream().toList();
		assertThat(letters).extracting(l -> l.get("type").asString()).containsExactlyInAnyOrder("deficiency-notice", "reminder");
		var notice = letters.stream().filter(l -> l.get("type").asString().equals("deficiency-notice")).findFirst().orElseThrow();
		var reminder = letters.stream().filter(l -> l.get("type").asString().equals("reminder")).findFirst().orElseThrow();
		// first notices and reminders are enclosed by different people: never in one batch
		assertThat(reminder.get("batchId").asLong()).isNotEqualTo(notice.get("batchId").asLong());

		String text = PdfReading.text(api.download(BASE + "/letters/" + reminder.get("id").asLong() + ".pdf", api.token("kobe-clerk")));
		assertThat(text).contains("補正のお願い（再通知）", "返信用封筒の同封", "返信用封筒なし・切手不足", "補正の期限 " + WarekiDate.format(deadline),
				"〒650-0001", "神戸市中央区加納町6丁目5番1号", "髙橋 花子 様");
	}

	private List<String> kinds(String number) {
		return cases.timeline(KOBE, number).stream().map(TimelineEntry::kind).toList();
	}
}
