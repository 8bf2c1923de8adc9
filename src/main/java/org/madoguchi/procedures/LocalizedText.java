package org.madoguchi.procedures;

import java.util.Locale;
import java.util.Objects;

/** A name or label in both working languages. English falls back to Japanese when a definition gives none. */
public record LocalizedText(String ja, String en) {

	public LocalizedText {
		Objects.requireNonNull(ja, "ja");
		if (en == null || en.isBlank()) {
			en = ja;
		}
	}

	public String in(Locale locale) {
		return locale != null && "en".equals(locale.getLanguage()) ? en : ja;
	}
}
