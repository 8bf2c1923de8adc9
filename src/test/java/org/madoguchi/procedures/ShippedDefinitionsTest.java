package org.madoguchi.procedures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.madoguchi.platform.Role;

class ShippedDefinitionsTest {

	private final ShippedProcedures shipped = new ShippedProcedures();

	@Test
	void allFiveShippedDefinitionsLoadAsVersionOne() {
		assertThat(shipped.all()).extracting(Procedure::id).containsExactly("care-certification", "cash-benefit", "move-in-notification",
				"my-number-card-issuance", "resident-certificate-by-mail");
		assertThat(shipped.all()).allSatisfy(p -> assertThat(p.version()).isEqualTo(1));
	}

	@Test
	void everyShippedProcedureLeavesTheDecisionToMunicipalOfficialsAlone() {
		for (Procedure procedure : casesFromIntake()) {
			var decisions = procedure.workflow().transitions().stream().filter(t -> t.kind() == TransitionKind.DECISION).toList();
			assertThat(decisions).as(procedure.id()).isNotEmpty()
				.allSatisfy(t -> assertThat(t.roles()).containsExactly(Role.MUNICIPAL_OFFICIAL));
		}
	}

	@Test
	void everyShippedProcedureDoubleKeysAndSendsItsDeficiencyToAPausedState() {
		for (Procedure procedure : casesFromIntake()) {
			var workflow = procedure.workflow();
			assertThat(workflow.transitions()).as(procedure.id())
				.anySatisfy(t -> assertThat(t.kind() == TransitionKind.KEYING && t.doubleKeying()).isTrue());
			var deficiency = workflow.transitions().stream().filter(t -> t.kind() == TransitionKind.DEFICIENCY).findFirst().orElseThrow();
			assertThat(workflow.state(deficiency.to()).orElseThrow().pausesSla()).isTrue();
			assertThat(procedure.letter(deficiency.letter()).orElseThrow().type()).isEqualTo(LetterType.DEFICIENCY_NOTICE);
			assertThat(workflow.transitionsFrom(deficiency.to())).anySatisfy(t -> assertThat(t.kind()).isEqualTo(TransitionKind.CORRECTION));
			assertThat(procedure.letters()).extracting(Letter::type)
				.contains(LetterType.ACKNOWLEDGEMENT, LetterType.DEFICIENCY_NOTICE, LetterType.DECISION_NOTICE);
			assertThat(procedure.deficiencyReasons()).isNotEmpty();
		}
	}

	@Test
	void careCertificationHasThirtyCalendarDaysAndADeferralNoticeBeforeDayThirty() {
		var care = shipped.find("care-certification").orElseThrow();
		var sla = care.sla().orElseThrow();
		assertThat(sla.limit()).isEqualTo(30);
		assertThat(sla.unit()).isEqualTo(Sla.Unit.CALENDAR_DAYS);
		assertThat(sla.warnAt()).isEqualTo(0.8);
		assertThat(care.letter(sla.deferralLetter()).orElseThrow().type()).isEqualTo(LetterType.DEFERRAL_NOTICE);
		assertThat(sla.deferralBeforeDay()).isEqualTo(30);
		assertThat(care.workflow().transitions()).filteredOn(t -> t.kind() == TransitionKind.STEP).extracting(Transition::id)
			.contains("complete-survey", "receive-opinion");
		assertThat(care.name(Locale.JAPANESE)).isEqualTo("要介護認定申請");
	}

	@Test
	void theMailedCertificateRequestCostsThreeHundredYenPerCopyAndCountsBusinessDays() {
		var request = shipped.find("resident-certificate-by-mail").orElseThrow();
		assertThat(request.sla().orElseThrow().unit()).isEqualTo(Sla.Unit.BUSINESS_DAYS);
		var data = org.madoguchi.Api.JSON.readTree("{\"copies\":3}");
		assertThat(request.feeTotal(data)).isEqualTo(900);
		assertThat(request.field("payment.postalMoneyOrderAmount").orElseThrow().type()).isEqualTo(FieldType.AMOUNT);
		assertThat(request.field("returnEnvelope").orElseThrow().type()).isEqualTo(FieldType.BOOLEAN);
	}

	@Test
	void theCardIssuanceGoesThroughAppointmentIdentityCheckPinAndHandover() {
		var card = shipped.find("my-number-card-issuance").orElseThrow().workflow();
		assertThat(card.states()).extracting(State::id)
			.contains("appointment-booked", "identity-verified", "pin-set", "handed-over");
		assertThat(card.transition("hand-over").orElseThrow().kind()).isEqualTo(TransitionKind.HANDOVER);
	}

	@Test
	void theMoveInListsHouseholdMembersAsAGroup() {
		var moveIn = shipped.find("move-in-notification").orElseThrow();
		assertThat(moveIn.fields()).extracting(FormField::path)
			.contains("previousAddress.address", "members", "members[].name", "members[].nameKana", "members[].birthDate",
					"members[].relationship");
		assertThat(moveIn.field("members").orElseThrow().type()).isEqualTo(FieldType.GROUP);
		assertThat(moveIn.channels()).contains(Channel.COUNTER);
		assertThat(List.of(moveIn.field("members[].relationship").orElseThrow().options())).isNotEmpty();
	}

	/**
	 * The cash-benefit cases are opened by the benefits module for applications it already keyed and checked; the
	 * city decides on the benefit by its bulk approval there, so that procedure has neither keying nor a decision.
	 */
	@Test
	void cashBenefitCasesWaitForTheResidentWithThePausedClockAndAreClosedByTheirOwner() {
		var cash = shipped.find("cash-benefit").orElseThrow();
		var workflow = cash.workflow();
		var deficiency = workflow.transitions().stream().filter(t -> t.kind() == TransitionKind.DEFICIENCY).findFirst().orElseThrow();
		assertThat(workflow.state(deficiency.to()).orElseThrow().pausesSla()).isTrue();
		assertThat(cash.sla().orElseThrow().unit()).isEqualTo(Sla.Unit.BUSINESS_DAYS);
		assertThat(workflow.states()).filteredOn(s -> !s.terminal() && !s.id().equals(workflow.initial().id()))
			.extracting(State::queue).containsExactlyInAnyOrder("benefit-corrections", "benefit-duplicates", "benefit-checks");
		assertThat(workflow.transitions()).noneMatch(t -> t.kind() == TransitionKind.DECISION || t.kind() == TransitionKind.KEYING);
	}

	private List<Procedure> casesFromIntake() {
		return shipped.all().stream().filter(p -> !p.id().equals("cash-benefit")).toList();
	}
}
