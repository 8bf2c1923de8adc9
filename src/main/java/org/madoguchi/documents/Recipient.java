package org.madoguchi.documents;

import java.util.List;

import org.madoguchi.japan.InvalidValue;
import org.madoguchi.japan.PostalCode;
import org.madoguchi.platform.InvalidInput;

/**
 * Whom a letter goes to, as printed in the envelope window. The postal code may be given as typed
 * (650-0001, ６５０－０００１, 〒6500001) and is kept as seven digits; name and address lines are kept exactly
 * as registered, rare kanji such as 髙 and 﨑 included, never normalised.
 *
 * <p>The limits keep the block inside the 90 × 45 mm window of a 長形3号 envelope: at most
 * {@value #MAX_LINES} address lines of {@value #MAX_LINE} characters, each of which may wrap once.
 */
public record Recipient(String name, String postalCode, List<String> addressLines) {

	static final int MAX_LINES = 3;
	static final int MAX_LINE = 30;
	static final int MAX_NAME = 30;

	public Recipient {
		var problems = new InvalidInput.Collector();
		Texts.check(problems, "recipient.name", name, MAX_NAME, true);
		if (postalCode == null || postalCode.isBlank()) {
			problems.add("recipient.postalCode", "required");
		} else {
			try {
				postalCode = PostalCode.of(postalCode).value();
			} catch (InvalidValue e) {
				problems.add("recipient.postalCode", e.code());
			}
		}
		if (addressLines == null || addressLines.stream().allMatch(line -> line == null || line.isBlank())) {
			problems.add("recipient.addressLines", "required");
		} else if (addressLines.size() > MAX_LINES) {
			problems.add("recipient.addressLines", "too_many_lines", MAX_LINES);
		} else {
			for (int i = 0; i < addressLines.size(); i++) {
				Texts.check(problems, "recipient.addressLines[" + i + "]", addressLines.get(i), MAX_LINE, false);
			}
		}
		problems.throwIfAny();
		name = name.strip();
		addressLines = addressLines.stream().filter(line -> line != null && !line.isBlank()).map(String::strip).toList();
	}

	/** Printed as 〒650-0001. */
	public String postalMark() {
		return "〒" + PostalCode.of(postalCode).formatted();
	}

	// A resident's name and address must not reach a log through a careless toString.
	@Override
	public String toString() {
		return "Recipient[***]";
	}
}
