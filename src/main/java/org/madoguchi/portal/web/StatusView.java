package org.madoguchi.portal.web;

import java.util.List;
import java.util.Locale;

import org.madoguchi.benefits.ResidentStatus;

/**
 * A status as a page shows it: the status code (for styling and tests), its name, its sentence, what to correct,
 * and whether another account is all it needs (the page then offers the correction form). Methods the templates
 * call are public.
 */
record StatusView(String code, String name, String message, List<String> corrections, boolean anotherAccountCures) {

	static StatusView of(ResidentStatus status, PortalText text, Locale locale) {
		return new StatusView(status.status(), text.statusName(status, locale), text.status(status, locale),
				status.corrections().stream().map(c -> text.correction(c, locale)).toList(), status.anotherAccountCures());
	}

	/** Something is wrong that a person at the office has to settle; the resident is told they will be contacted. */
	public boolean officeWillContact() {
		return code.equals(ResidentStatus.CORRECTION_NEEDED) && !anotherAccountCures;
	}
}
