package org.madoguchi.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.madoguchi.platform.InvalidInput;

/** What a letter cannot go out without, checked before anything is rendered or stored. */
class LetterRequestTest {

	static final LocalDate DATE = LocalDate.of(2026, 4, 1);

	@Test
	void aDeficiencyNoticeNeedsItsItemsAndADeadlineNotBeforeTheLetter() {
		assertThat(problems(LetterType.DEFICIENCY_NOTICE, Map.of())).containsExactlyInAnyOrder("values.items:required",
				"values.deadline:required");
		assertThat(problems(LetterType.DEFICIENCY_NOTICE, Map.of("items", List.of(Map.of("item", "手数料")), "deadline", "2026-03-31")))
			.containsExactlyInAnyOrder("values.items[0].reason:required", "values.deadline:before_letter_date");
	}

	@Test
	void deferralAndDecisionNoticesNeedTheirReasonAndDecision() {
		assertThat(problems(LetterType.DEFERRAL_NOTICE, Map.of())).containsExactlyInAnyOrder("values.reason:required",
				"values.expectedDate:required");
		assertThat(problems(LetterType.DECISION_NOTICE, Map.of("decision", "支給\u0007"))).containsExactly("values.decision:control_characters");
		assertThat(problems(LetterType.ACKNOWLEDGEMENT, Map.of())).isEmpty();
	}

	@Test
	void datesInValuesMayBeWrittenInTheJapaneseEra() {
		var request = new LetterRequest("281000", "神戸市", "care-certification", LetterType.DEFERRAL_NOTICE, "26-00000001-3",
				Samples.recipient(), DATE, Map.of("reason", "調査に日時を要するため", "expectedDate", "令和8年5月15日"));

		assertThat(request.values().get("expectedDate")).isEqualTo(LocalDate.of(2026, 5, 15));
	}

	@Test
	void aProcedureIdCannotLeadOutOfTheTemplateFolder() {
		assertThatThrownBy(() -> new LetterRequest("281000", "神戸市", "../../application", LetterType.ACKNOWLEDGEMENT, "26-1",
				Samples.recipient(), DATE, Map.of()))
			.isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).extracting(p -> p.path() + ":" + p.code())
				.containsExactly("procedureId:format"));
	}

	@Test
	void theRecipientIsCheckedAndItsPostalCodeKeptAsSevenDigits() {
		assertThat(new Recipient("髙﨑 花子", "〒６５０－０００１", List.of("神戸市中央区")).postalCode()).isEqualTo("6500001");
		assertThatThrownBy(() -> new Recipient(" ", "65-0001", List.of("1", "2", "3", "4")))
			.isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).extracting(p -> p.path() + ":" + p.code())
				.containsExactlyInAnyOrder("recipient.name:required", "recipient.postalCode:format", "recipient.addressLines:too_many_lines"));
	}

	@Test
	void personalDataStaysOutOfToStringAndSoOutOfLogs() {
		var request = Samples.request(LetterType.DEFICIENCY_NOTICE, DATE);

		assertThat(request.toString()).doesNotContain("髙﨑", "加納町", "650", "定額小為替").contains("R1-000123-7");
		assertThat(request.recipient().toString()).doesNotContain("髙﨑", "加納町");
	}

	private static List<String> problems(LetterType type, Map<String, Object> values) {
		try {
			new LetterRequest("281000", "神戸市", "resident-certificate-by-mail", type, "26-00000001-3", Samples.recipient(), DATE, values);
			return List.of();
		} catch (InvalidInput e) {
			return e.problems().stream().map(p -> p.path() + ":" + p.code()).toList();
		}
	}
}
