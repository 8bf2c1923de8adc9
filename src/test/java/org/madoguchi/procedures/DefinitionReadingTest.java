package org.madoguchi.procedures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.madoguchi.procedures.Definitions.problems;
import static org.madoguchi.procedures.Definitions.sampleWith;

import org.junit.jupiter.api.Test;
import org.madoguchi.platform.Role;

class DefinitionReadingTest {

	@Test
	void theSampleReadsWithItsDefaults() {
		var sample = Definitions.sample();
		assertThat(sample.id()).isEqualTo("sample");
		assertThat(sample.field("applicant.nameKana").orElseThrow().maxLength()).isEqualTo(200);
		assertThat(sample.field("applicant.name").orElseThrow().maxLength()).isEqualTo(20);
		assertThat(sample.field("members").orElseThrow().minItems()).isZero();
		assertThat(sample.sla().orElseThrow().warnAt()).isEqualTo(0.8);
		assertThat(sample.workflow().initial().id()).isEqualTo("received");
		assertThat(sample.workflow().transitionsFrom("checking")).extracting(Transition::id).containsExactly("return", "decide");
		assertThat(sample.workflow().queues()).containsExactly("intake", "check");
		assertThat(sample.field("applicant.nameKana").orElseThrow().label().en()).as("English falls back to Japanese").isEqualTo("フリガナ");
	}

	@Test
	void aDecisionGivenToAnOperatorRoleIsRefused() {
		var definition = sampleWith("roles: [MUNICIPAL_OFFICIAL]", "roles: [MUNICIPAL_OFFICIAL, OPERATOR_SUPERVISOR]");
		assertThat(problems(definition)).containsExactly("workflow.transitions[3].roles[1]:decision_not_municipal");
	}

	@Test
	void aDecisionGivenToAnAdministratorOrAClerkAloneIsRefusedToo() {
		assertThat(problems(sampleWith("roles: [MUNICIPAL_OFFICIAL]", "roles: [ADMIN]")))
			.containsExactly("workflow.transitions[3].roles[0]:decision_not_municipal");
		assertThat(problems(sampleWith("roles: [MUNICIPAL_OFFICIAL]", "roles: [OPERATOR_CLERK]")))
			.containsExactly("workflow.transitions[3].roles[0]:decision_not_municipal");
	}

	@Test
	void anOfficialMayTakeOtherTransitionsAndTheDecisionKeepsItsRole() {
		var sample = Definitions.sample();
		assertThat(sample.workflow().transition("decide").orElseThrow().roles()).containsExactly(Role.MUNICIPAL_OFFICIAL);
		assertThat(sample.workflow().transition("decide").orElseThrow().allowsAnyOf(java.util.Set.of("OPERATOR_CLERK"))).isFalse();
		assertThat(problems(sampleWith("kind: correction, roles: [OPERATOR_CLERK]", "kind: correction, roles: [MUNICIPAL_OFFICIAL]"))).isEmpty();
	}

	@Test
	void anUnknownFieldTypeIsNamedByItsPath() {
		assertThat(problems(sampleWith("type: boolean", "type: yes-no"))).containsExactly("form[12].type:unknown_value");
	}

	@Test
	void duplicatePathsAndPathsThatCollideAreRefused() {
		assertThat(problems(sampleWith("path: note,", "path: movedOn,"))).containsExactly("form[8].path:duplicate");
		assertThat(problems(sampleWith("path: note,", "path: applicant,"))).containsExactly("form[7].path:duplicate");
		assertThat(problems(sampleWith("path: note,", "path: amount.value,"))).contains("form[10].path:duplicate");
		assertThat(problems(sampleWith("path: note,", "path: applicant..x,"))).containsExactly("form[7].path:format");
	}

	@Test
	void aTransitionToAnUnknownStateIsNamedByItsPath() {
		assertThat(problems(sampleWith("from: checking, to: decided", "from: checking, to: done")))
			.containsExactly("workflow.transitions[3].to:unknown_state");
		assertThat(problems(sampleWith("from: waiting", "from: [waiting, nowhere]")))
			.containsExactly("workflow.transitions[2].from[1]:unknown_state");
		assertThat(problems(sampleWith("initial: received", "initial: start"))).containsExactly("workflow.initial:unknown_state");
	}

	@Test
	void aLetterThatIsNotDefinedIsRefused() {
		assertThat(problems(sampleWith("letter: notice", "letter: result"))).containsExactly("workflow.transitions[3].letter:unknown_letter");
	}

	@Test
	void anUnreachableTerminalStateIsRefused() {
		var definition = sampleWith("    - {id: decided, name: {ja: 決定済み}, terminal: true}",
				"    - {id: decided, name: {ja: 決定済み}, terminal: true}\n    - {id: archived, name: {ja: 保存}, terminal: true}");
		assertThat(problems(definition)).containsExactly("workflow.states[4]:unreachable");
	}

	@Test
	void aStateNobodyCanLeaveOrThatNeverEndsIsRefused() {
		assertThat(problems(sampleWith("    - {id: correct, from: waiting, to: checking, kind: correction, roles: [OPERATOR_CLERK]}\n", "")))
			.containsExactly("workflow.states[2]:dead_end");
		assertThat(problems(sampleWith("from: waiting, to: checking", "from: waiting, to: waiting")))
			.containsExactly("workflow.states[2]:cannot_finish");
		assertThat(problems(sampleWith("terminal: true", "terminal: false"))).contains("workflow.states:no_terminal");
		assertThat(problems(sampleWith("from: waiting", "from: [waiting, decided]"))).containsExactly("workflow.transitions[2].from[1]:terminal_exit");
	}

	@Test
	void aDeficiencyMustLeadToAStateThatPausesTheClock() {
		assertThat(problems(sampleWith("pausesSla: true", "pausesSla: false"))).containsExactly("workflow.transitions[1].to:deficiency_must_pause");
	}

	@Test
	void doubleKeyingBelongsToKeyingTransitionsOnly() {
		assertThat(problems(sampleWith("kind: deficiency,", "kind: deficiency, doubleKeying: true,")))
			.containsExactly("workflow.transitions[1].doubleKeying:not_allowed");
	}

	@Test
	void textLengthsAreCappedAndSettingsMustFitTheType() {
		assertThat(problems(sampleWith("maxLength: 20", "maxLength: 2001"))).containsExactly("form[0].maxLength:out_of_range");
		assertThat(problems(sampleWith("maxLength: 20", "maxLength: 2000"))).isEmpty();
		assertThat(problems(sampleWith("type: amount,", "type: amount, options: [a],"))).contains("form[10].options:not_allowed");
		assertThat(problems(sampleWith("options: [first, second], ", ""))).containsExactly("form[11].options:required");
		assertThat(problems(sampleWith("options: [first, second]", "options: [first, first]"))).containsExactly("form[11].options[1]:duplicate");
		assertThat(problems(sampleWith("maxItems: 3", "maxItems: 3\n    minItems: 4"))).containsExactly("form[13].minItems:out_of_range");
	}

	@Test
	void aMistypedKeyIsReportedRatherThanIgnored() {
		assertThat(problems(sampleWith("required: true, maxLength: 20", "requried: true, maxLength: 20")))
			.containsExactly("form[0].requried:unknown_field");
		assertThat(problems(sampleWith("channels: [mail, online]", "channels: [mail, fax]"))).containsExactly("channels[1]:unknown_value");
	}

	@Test
	void theSlaNamesStatesAndADeferralLetterOfTheRightType() {
		assertThat(problems(sampleWith("stopsAt: [decided]", "stopsAt: [closed]"))).containsExactly("sla.stopsAt[0]:unknown_state");
		assertThat(problems(sampleWith("stopsAt: [decided]}", "stopsAt: [decided], deferralLetter: notice}")))
			.containsExactly("sla.deferralLetter:wrong_letter_type");
		assertThat(problems(sampleWith("unit: business-days", "unit: weeks, warnAt: 1.5")))
			.containsExactly("sla.unit:unknown_value", "sla.warnAt:out_of_range");
		var deferred = Definitions.read(sampleWith("stopsAt: [decided]}", "stopsAt: [decided], deferralLetter: deferral}"));
		assertThat(deferred.sla().orElseThrow().deferralBeforeDay()).as("defaults to the limit").isEqualTo(10);
	}

	@Test
	void feesCountAnAmountFieldOrAGroup() {
		assertThat(problems(sampleWith("perField: amount", "perField: note"))).containsExactly("fees[0].perField:not_a_count");
		assertThat(problems(sampleWith("perField: amount", "perField: copies"))).containsExactly("fees[0].perField:unknown_path");
		assertThat(Definitions.read(sampleWith("perField: amount", "perField: members")).feeTotal(Definitions.json("{\"members\":[{},{}]}")))
			.isEqualTo(600);
	}

	@Test
	void rulesNameFieldsOfTheFormWithTheRightTypes() {
		String rules = "rules:\n  - %s\nworkflow:";
		assertThat(problems(sampleWith("workflow:", rules.formatted("{rule: min-age, field: applicant.birthday, years: 65}"))))
			.containsExactly("rules[0].field:unknown_path");
		assertThat(problems(sampleWith("workflow:", rules.formatted("{rule: min-age, field: applicant.name, years: 65}"))))
			.containsExactly("rules[0].field:not_a_date");
		assertThat(problems(sampleWith("workflow:", rules.formatted("{rule: min-age, field: applicant.birthDate}"))))
			.containsExactly("rules[0].years:required");
		assertThat(problems(sampleWith("workflow:", rules.formatted("{rule: required-if, field: note}"))))
			.containsExactly("rules[0].when:required");
		assertThat(problems(sampleWith("workflow:", rules.formatted("{rule: required-if, field: note, when: {field: kind, equals: third}}"))))
			.containsExactly("rules[0].when.equals:unknown_option");
		assertThat(problems(sampleWith("workflow:", rules.formatted("{rule: date-not-after, field: movedOn, notAfter: \"members[].birthDate\"}"))))
			.containsExactly("rules[0].notAfter:group_mismatch");
		assertThat(problems(sampleWith("workflow:", rules.formatted("{rule: older-than, field: movedOn}"))))
			.containsExactly("rules[0].rule:unknown_value");
		assertThat(problems(sampleWith("workflow:", rules.formatted("{rule: date-not-after, field: \"members[].birthDate\", notAfter: movedOn}"))))
			.isEmpty();
	}

	@Test
	void everyProblemIsReportedAtOnce() {
		var definition = sampleWith("id: sample", "id: Sample!").replace("type: boolean", "type: flag").replace("to: decided", "to: done");
		assertThat(problems(definition)).containsExactlyInAnyOrder("id:format", "form[12].type:unknown_value",
				"workflow.transitions[3].to:unknown_state");
	}

	@Test
	void aJsonDefinitionReadsLikeItsYaml() {
		var tree = DefinitionText.read(Definitions.SAMPLE, DefinitionText.Format.YAML);
		assertThat(problems(tree.toString(), DefinitionText.Format.JSON)).isEmpty();
		var json = tree.toString().replace("\"MUNICIPAL_OFFICIAL\"", "\"OPERATOR_CHECKER\"");
		assertThat(problems(json, DefinitionText.Format.JSON)).containsExactly("workflow.transitions[3].roles[0]:decision_not_municipal");
	}

	@Test
	void aDefinitionWithoutItsCoreIsToldWhatIsMissing() {
		assertThat(problems("id: bare")).containsExactlyInAnyOrder("name:required", "channels:required", "form:required",
				"workflow:required");
		assertThat(problems("id: bare\nname: {ja: 最小}\nchannels: [api]\nform: []\nworkflow: {initial: a, states: [], transitions: []}"))
			.contains("form:required", "workflow.states:required", "workflow.transitions:required");
	}
}
