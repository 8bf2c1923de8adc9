package org.madoguchi.procedures;

import java.util.List;

import org.madoguchi.platform.InvalidInput;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small definition using every field type, for tests to read as it is or with one thing changed. */
final class Definitions {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final String SAMPLE = """
			id: sample
			name: {ja: 見本の手続, en: Sample procedure}
			channels: [mail, online]
			form:
			  - {path: applicant.name, type: text, required: true, maxLength: 20, label: {ja: 氏名, en: Name}}
			  - {path: applicant.nameKana, type: kana, required: true, label: {ja: フリガナ}}
			  - {path: applicant.birthDate, type: era-date, required: true, label: {ja: 生年月日}}
			  - {path: applicant.myNumber, type: my-number, label: {ja: 個人番号}}
			  - {path: applicant.corporateNumber, type: corporate-number, label: {ja: 法人番号}}
			  - {path: applicant.postalCode, type: postal-code, label: {ja: 郵便番号}}
			  - {path: applicant.phone, type: phone, label: {ja: 電話番号}}
			  - {path: note, type: text, multiline: true, label: {ja: 備考}}
			  - {path: movedOn, type: date, label: {ja: 異動日}}
			  - {path: payee, type: bank-account, label: {ja: 振込先口座}}
			  - {path: amount, type: amount, label: {ja: 金額}}
			  - {path: kind, type: choice, options: [first, second], label: {ja: 区分}}
			  - {path: agreed, type: boolean, label: {ja: 同意}}
			  - path: members
			    type: group
			    maxItems: 3
			    label: {ja: 世帯員}
			    fields:
			      - {path: name, type: text, required: true, label: {ja: 氏名}}
			      - {path: birthDate, type: date, label: {ja: 生年月日}}
			attachments:
			  - {id: card-copy, name: {ja: 保険証の写し}, required: true}
			fees:
			  - {id: fee, name: {ja: 手数料}, amount: 300, perField: amount}
			letters:
			  - {id: receipt, type: acknowledgement, name: {ja: 受付通知}}
			  - {id: notice, type: decision-notice, name: {ja: 決定通知}}
			  - {id: deferral, type: deferral-notice, name: {ja: 延期通知}}
			deficiencyReasons:
			  - {code: missing-field, name: {ja: 記入漏れ}}
			sla: {limit: 10, unit: business-days, startsAt: received, stopsAt: [decided]}
			workflow:
			  initial: received
			  states:
			    - {id: received, name: {ja: 受付}, queue: intake}
			    - {id: checking, name: {ja: 審査中}, queue: check}
			    - {id: waiting, name: {ja: 補正待ち}, pausesSla: true}
			    - {id: decided, name: {ja: 決定済み}, terminal: true}
			  transitions:
			    - {id: key, from: received, to: checking, kind: keying, doubleKeying: true, roles: [OPERATOR_CLERK], letter: receipt}
			    - {id: return, from: checking, to: waiting, kind: deficiency, roles: [OPERATOR_CHECKER]}
			    - {id: correct, from: waiting, to: checking, kind: correction, roles: [OPERATOR_CLERK]}
			    - {id: decide, from: checking, to: decided, kind: decision, roles: [MUNICIPAL_OFFICIAL], letter: notice}
			""";

	private Definitions() {
	}

	static Procedure sample() {
		return read(SAMPLE);
	}

	static Procedure read(String yaml) {
		return ProcedureReader.read(DefinitionText.read(yaml, DefinitionText.Format.YAML), 1);
	}

	/** The problems of a definition as {@code path:code}; empty when it reads. */
	static List<String> problems(String text, DefinitionText.Format format) {
		try {
			ProcedureReader.read(DefinitionText.read(text, format), 1);
			return List.of();
		} catch (InvalidInput e) {
			return e.problems().stream().map(p -> p.path() + ":" + p.code()).toList();
		}
	}

	static List<String> problems(String yaml) {
		return problems(yaml, DefinitionText.Format.YAML);
	}

	/** The sample with one piece of text replaced; fails loudly if the piece is not there. */
	static String sampleWith(String from, String to) {
		if (!SAMPLE.contains(from)) {
			throw new IllegalArgumentException("not in the sample: " + from);
		}
		return SAMPLE.replace(from, to);
	}

	static JsonNode json(String text) {
		return JSON.readTree(text);
	}
}
