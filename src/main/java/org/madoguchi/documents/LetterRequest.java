package org.madoguchi.documents;

import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Pattern;

import org.madoguchi.platform.InvalidInput;

/**
 * Everything one letter needs: the sending municipality, the procedure and letter type (which choose the
 * template), the case number, the recipient, the letter's date and the type-specific {@code values} (see
 * {@link LetterValues}: deficiency items and deadline, deferral reason and expected date, decision text).
 * Invalid requests are refused whole, with every problem listed, before anything is rendered or stored.
 */
public record LetterRequest(String municipalityCode, String municipalityName, String procedureId, LetterType type,
		String caseNumber, Recipient recipient, LocalDate date, Map<String, Object> values) {

	/** Procedure ids name template folders, so they must never walk out of them. */
	static final Pattern PROCEDURE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,59}");
	static final Pattern CASE_NUMBER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,39}");

	public LetterRequest {
		var problems = new InvalidInput.Collector();
		if (municipalityCode == null || !municipalityCode.matches("\\d{6}")) {
			problems.add("municipalityCode", municipalityCode == null ? "required" : "format");
		}
		Texts.check(problems, "municipalityName", municipalityName, 40, true);
		if (procedureId == null || procedureId.isBlank()) {
			problems.add("procedureId", "required");
		} else if (!PROCEDURE_ID.matcher(procedureId).matches()) {
			problems.add("procedureId", "format");
		}
		if (type == null) {
			problems.add("type", "required");
		}
		if (caseNumber == null || caseNumber.isBlank()) {
			problems.add("caseNumber", "required");
		} else if (!CASE_NUMBER.matcher(caseNumber).matches()) {
			problems.add("caseNumber", "format");
		}
		if (recipient == null) {
			problems.add("recipient", "required");
		}
		if (date == null) {
			problems.add("date", "required");
		}
		if (type != null) {
			values = LetterValues.check(type, values, date, problems);
		}
		problems.throwIfAny();
	}

	// The recipient and the values (deficiency reasons, decisions) are personal data: keep them out of logs.
	@Override
	public String toString() {
		return "LetterRequest[" + municipalityCode + " " + procedureId + " " + (type == null ? null : type.code()) + " "
				+ caseNumber + "]";
	}
}
