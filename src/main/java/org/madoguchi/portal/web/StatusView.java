package org.madoguchi.portal.web;

import java.util.List;
import java.util.Locale;

import org.madoguchi.benefits.ResidentStatus;

/** A status as a page shows it: the status code (for styling and tests), its name, its sentence, what to correct. */
record StatusView(String code, String name, String message, List<String> corrections) {

	static StatusView of(ResidentStatus status, PortalText text, Locale locale) {
		return new StatusView(status.status(), text.statusName(status, locale), text.status(status, locale),
				status.corrections().stream().map(c -> text.correction(c, locale)).toList());
	}
}
