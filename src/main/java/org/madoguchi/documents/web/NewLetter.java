package org.madoguchi.documents.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.madoguchi.documents.LetterRequest;
import org.madoguchi.documents.LetterType;
import org.madoguchi.documents.Recipient;
import org.madoguchi.japan.InvalidValue;
import org.madoguchi.japan.WarekiDate;
import org.madoguchi.platform.InvalidInput;
import org.madoguchi.platform.Problem;

/**
 * The body of {@code POST .../letters}. Field names are those of {@link LetterRequest}, so error paths
 * ({@code recipient.postalCode}, {@code values.deadline}) point at the body. The date may be ISO or wareki
 * and defaults to today in Japan.
 */
record NewLetter(String procedureId, String type, String caseNumber, NewRecipient recipient, String date,
		Map<String, Object> values) {

	record NewRecipient(String name, String postalCode, List<String> addressLines) {

		@Override
		public String toString() {
			return "NewRecipient[***]";
		}
	}

	private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

	/** Checks the whole body at once, so the caller hears of every problem in one answer. */
	LetterRequest toRequest(String municipalityCode, String municipalityName) {
		var problems = new ArrayList<Problem>();
		var reported = new HashSet<String>();
		Recipient recipient = null;
		if (this.recipient != null) {
			try {
				recipient = new Recipient(this.recipient.name(), this.recipient.postalCode(), this.recipient.addressLines());
			} catch (InvalidInput e) {
				problems.addAll(e.problems());
				reported.add("recipient");
			}
		}
		LetterType letterType = null;
		if (type != null && !type.isBlank()) {
			letterType = LetterType.parse(type).orElse(null);
			if (letterType == null) {
				problems.add(Problem.of("type", "unknown_letter_type"));
				reported.add("type");
			}
		}
		LocalDate letterDate = LocalDate.now(JAPAN);
		if (date != null && !date.isBlank()) {
			try {
				letterDate = WarekiDate.parseIsoOrWareki(date);
			} catch (InvalidValue e) {
				problems.add(Problem.of("date", e.code()));
				letterDate = null;
				reported.add("date");
			}
		}
		try {
			var request = new LetterRequest(municipalityCode, municipalityName, procedureId, letterType, caseNumber, recipient,
					letterDate, values);
			if (problems.isEmpty()) {
				return request;
			}
		} catch (InvalidInput e) {
			e.problems().stream().filter(p -> !reported.contains(p.path())).forEach(problems::add);
		}
		throw new InvalidInput(problems);
	}

	@Override
	public String toString() {
		return "NewLetter[" + procedureId + " " + type + " " + caseNumber + "]";
	}
}
