package org.madoguchi.portal.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.madoguchi.platform.Problem;

/**
 * A form's errors twice over, as people using screen readers and magnifiers need them: a summary at the top
 * (each item a link to its field, named by the field's label) and the message next to the field itself.
 * Methods the templates call are public: expressions reach nothing else.
 */
record FieldErrors(Map<String, String> byPath, List<Item> summary) {

	record Item(String href, String message) {
	}

	static final FieldErrors NONE = new FieldErrors(Map.of(), List.of());

	/** {@code ids} maps a problem's path to the id of the control that fixes it (a date's year box, say). */
	static FieldErrors of(List<Problem> problems, PortalText text, Locale locale, Map<String, String> ids) {
		var byPath = new LinkedHashMap<String, String>();
		var summary = new ArrayList<Item>();
		for (Problem problem : problems) {
			String path = problem.path().replaceAll("\\[\\d+\\]$", "");
			String message = text.error(problem, locale);
			if (byPath.putIfAbsent(path, message) == null) {
				String label = text.message("portal.field." + path, locale);
				summary.add(new Item("#" + ids.getOrDefault(path, path), text.message("portal.errors.item", locale, label, message)));
			}
		}
		return new FieldErrors(byPath, summary);
	}

	public boolean isEmpty() {
		return byPath.isEmpty();
	}

	public boolean has(String path) {
		return byPath.containsKey(path);
	}

	public String of(String path) {
		return byPath.get(path);
	}
}
