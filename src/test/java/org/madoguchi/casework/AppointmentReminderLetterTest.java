package org.madoguchi.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.madoguchi.Api;
import org.madoguchi.MadoguchiTest;
import org.madoguchi.documents.PdfReading;
import org.madoguchi.japan.WarekiDate;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A card ready to be handed over but not booked: the clerk's reminder (予約督促) is mailed as a reminder letter. */
@MadoguchiTest
class AppointmentReminderLetterTest {

	private static final String BASE = "/api/v1/municipalities/281000";

	@LocalServerPort
	int port;

	private Api.Response move(Api api, String user, String number, Map<String, Object> move) {
		var moved = api.post(BASE + "/cases/" + number + "/transitions", api.token(user), Api.json(move));
		assertThat(moved.status()).as(moved.body()).isEqualTo(200);
		return moved;
	}

	@Test
	void theRemindTransitionMailsAReminderWithTheProceduresNameForItAndADeadline() {
		var api = new Api(port);
		var definition = api.get(BASE + "/procedures/my-number-card-issuance", api.token("kobe-clerk")).json();
		var opened = api.send("POST", BASE + "/cases", api.token("kobe-clerk"),
				Api.json(Map.of("procedure", "my-number-card-issuance", "channel", "mail", "data", Map.of())), "ja",
				Map.of("Idempotency-Key", "card-reminder-" + System.nanoTime()));
		assertThat(opened.status()).as(opened.body()).isEqualTo(201);
		String number = opened.json().get("caseNumber").asString();
		var form = FormFiller.fill(definition.get("fields"), "");
		move(api, "kobe-clerk", number, Map.of("transition", "key-application", "data", form));
		move(api, "kobe-checker", number, Map.of("transition", "key-application", "data", form));
		move(api, "kobe-checker", number, Map.of("transition", "pass-check"));
		move(api, "kobe-official", number, Map.of("transition", "decide-issuance"));
		var reminded = move(api, "kobe-clerk", number, Map.of("transition", "remind"));
		assertThat(reminded.json().get("state").asString()).isEqualTo("awaiting-appointment");

		var reminder = api.get(BASE + "/letters?caseNumber=" + number, api.token("kobe-clerk")).json().valueStream()
			.filter(l -> l.get("type").asString().equals("reminder")).findFirst().orElseThrow(() -> new AssertionError("no reminder letter"));
		String text = PdfReading.text(api.download(BASE + "/letters/" + reminder.get("id").asLong() + ".pdf", api.token("kobe-clerk")));
		assertThat(text).contains("受取予約のお願い", WarekiDate.format(LocalDate.parse(reminder.get("date").asString())), "お手続きの期限",
				"〒650-0001").doesNotContain("補正");
	}
}
