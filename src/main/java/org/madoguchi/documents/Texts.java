package org.madoguchi.documents;

import org.madoguchi.platform.InvalidInput;

/** The checks every printed text gets: present if required, not too long, no control characters. */
final class Texts {

	private Texts() {
	}

	static void check(InvalidInput.Collector problems, String path, String text, int maxLength, boolean required) {
		check(problems, path, text, maxLength, required, false);
	}

	/** Multi-line texts (a decision's reasons) may hold line breaks; everything else is one line. */
	static void check(InvalidInput.Collector problems, String path, String text, int maxLength, boolean required,
			boolean multiLine) {
		if (text == null || text.isBlank()) {
			if (required) {
				problems.add(path, "required");
			}
			return;
		}
		if (text.codePointCount(0, text.length()) > maxLength) {
			problems.add(path, "too_long", maxLength);
		} else if (text.codePoints().anyMatch(c -> isControl(c) && !(multiLine && (c == '\n' || c == '\r')))) {
			problems.add(path, "control_characters");
		}
	}

	private static boolean isControl(int c) {
		return c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0);
	}
}
