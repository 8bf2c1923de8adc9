package org.madoguchi.documents;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.madoguchi.japan.InvalidValue;
import org.madoguchi.japan.WarekiDate;
import org.madoguchi.platform.InvalidInput;

/**
 * The type-specific part of a letter: what each letter type cannot go out without, checked before
 * anything is rendered. Dates may come as {@link LocalDate} (from Java callers) or as text, ISO or wareki
 * (from the API), and leave as {@link LocalDate} so templates format them one way only.
 *
 * <ul>
 * <li>deficiency notice: {@code items} (list of {@code {item, reason}}) and {@code deadline}</li>
 * <li>deferral notice: {@code reason} and {@code expectedDate}</li>
 * <li>decision notice: {@code decision}, optionally {@code reasons}</li>
 * <li>acknowledgement: optionally {@code receivedOn}</li>
 * <li>certificate (cover letter): {@code enclosures} (list of {@code {item, copies}}) and {@code feeReceived} in
 * yen, optionally {@code receivedOn}</li>
 * <li>reminder (再通知): {@code deadline}; {@code items} as in a deficiency notice when it follows one, and
 * optionally {@code firstNoticeOn}</li>
 * </ul>
 * Every type may carry {@code procedureName}, {@code contact} and {@code title} (the procedure's own name for
 * the letter, such as 交付できない旨の通知, in place of the default heading); procedure templates may read
 * further keys of their own.
 */
final class LetterValues {

	static final int MAX_ITEMS = 30;
	static final int MAX_TEXT = 200;
	static final int MAX_TITLE = 40;
	static final int MAX_LONG_TEXT = 1000;
	static final int MAX_ENCLOSURES = 10;
	static final int MAX_COPIES = 99;
	/** A fee above this is a typing error, not a certificate fee. */
	static final long MAX_FEE = 1_000_000;
	private static final List<String> DATES = List.of("deadline", "expectedDate", "receivedOn", "decidedOn", "firstNoticeOn");

	private LetterValues() {
	}

	static Map<String, Object> check(LetterType type, Map<String, Object> given, LocalDate letterDate,
			InvalidInput.Collector problems) {
		var values = new LinkedHashMap<String, Object>(given == null ? Map.of() : given);
		for (String key : DATES) {
			if (values.get(key) != null) {
				values.put(key, date(problems, key, values.get(key)));
			}
		}
		text(problems, values, "procedureName", false, MAX_TEXT);
		text(problems, values, "contact", false, MAX_TEXT);
		text(problems, values, "title", false, MAX_TITLE);
		switch (type) {
			case ACKNOWLEDGEMENT -> {
			}
			case DEFICIENCY_NOTICE -> {
				values.put("items", items(problems, values.get("items")));
				notBefore(problems, values, "deadline", letterDate);
			}
			case DEFERRAL_NOTICE -> {
				text(problems, values, "reason", true, MAX_LONG_TEXT);
				notBefore(problems, values, "expectedDate", letterDate);
			}
			case DECISION_NOTICE -> {
				text(problems, values, "decision", true, MAX_LONG_TEXT);
				text(problems, values, "reasons", false, MAX_LONG_TEXT);
			}
			case CERTIFICATE -> {
				values.put("enclosures", enclosures(problems, values.get("enclosures")));
				values.put("feeReceived", whole(problems, "values.feeReceived", values.get("feeReceived"), 0, MAX_FEE));
			}
			case REMINDER -> {
				// a reminder after a deficiency notice repeats its items; any other reminder has none
				if (values.get("items") != null) {
					values.put("items", items(problems, values.get("items")));
				}
				notBefore(problems, values, "deadline", letterDate);
			}
		}
		return Collections.unmodifiableMap(values);
	}

	private static void text(InvalidInput.Collector problems, Map<String, Object> values, String key, boolean required, int max) {
		Object value = values.get(key);
		if (value != null && !(value instanceof String)) {
			problems.add("values." + key, "format");
			return;
		}
		Texts.check(problems, "values." + key, (String) value, max, required, max == MAX_LONG_TEXT);
	}

	private static void notBefore(InvalidInput.Collector problems, Map<String, Object> values, String key, LocalDate letterDate) {
		Object value = values.get(key);
		if (value == null) {
			problems.add("values." + key, "required");
		} else if (value instanceof LocalDate date && letterDate != null && date.isBefore(letterDate)) {
			problems.add("values." + key, "before_letter_date");
		}
	}

	private static Object date(InvalidInput.Collector problems, String key, Object value) {
		if (value instanceof LocalDate) {
			return value;
		}
		try {
			if (value instanceof String text) {
				return WarekiDate.parseIsoOrWareki(text);
			}
			problems.add("values." + key, "format");
		} catch (InvalidValue e) {
			problems.add("values." + key, e.code());
		}
		return value;
	}

	/** What the envelope holds besides the cover letter, each with its number of copies. */
	private static List<Map<String, Object>> enclosures(InvalidInput.Collector problems, Object value) {
		if (!(value instanceof List<?> list) || list.isEmpty()) {
			problems.add("values.enclosures", value == null || value instanceof List ? "required" : "format");
			return List.of();
		}
		if (list.size() > MAX_ENCLOSURES) {
			problems.add("values.enclosures", "too_many_enclosures", MAX_ENCLOSURES);
			return List.of();
		}
		var enclosures = new ArrayList<Map<String, Object>>();
		for (int i = 0; i < list.size(); i++) {
			String path = "values.enclosures[" + i + "]";
			if (!(list.get(i) instanceof Map<?, ?> raw)) {
				problems.add(path, "format");
				continue;
			}
			Object item = raw.get("item");
			if (item != null && !(item instanceof String)) {
				problems.add(path + ".item", "format");
			} else {
				Texts.check(problems, path + ".item", (String) item, MAX_TEXT, true);
			}
			Object copies = whole(problems, path + ".copies", raw.get("copies"), 1, MAX_COPIES);
			var enclosure = new LinkedHashMap<String, Object>();
			enclosure.put("item", item);
			enclosure.put("copies", copies);
			enclosures.add(Collections.unmodifiableMap(enclosure));
		}
		return List.copyOf(enclosures);
	}

	/** A whole number within bounds, kept as a long: JSON gives Integer or Long, Java callers either. */
	private static Object whole(InvalidInput.Collector problems, String path, Object value, long min, long max) {
		if (value == null) {
			problems.add(path, "required");
			return null;
		}
		if (!(value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte)) {
			problems.add(path, "format");
			return value;
		}
		long number = ((Number) value).longValue();
		if (number < min || number > max) {
			problems.add(path, "out_of_range");
		}
		return number;
	}

	/** The deficient items, each with the reason the resident must read to correct it. */
	private static List<Map<String, Object>> items(InvalidInput.Collector problems, Object value) {
		if (!(value instanceof List<?> list) || list.isEmpty()) {
			problems.add("values.items", value == null || value instanceof List ? "required" : "format");
			return List.of();
		}
		if (list.size() > MAX_ITEMS) {
			problems.add("values.items", "too_many_items", MAX_ITEMS);
			return List.of();
		}
		var items = new ArrayList<Map<String, Object>>();
		for (int i = 0; i < list.size(); i++) {
			String path = "values.items[" + i + "]";
			if (!(list.get(i) instanceof Map<?, ?> raw)) {
				problems.add(path, "format");
				continue;
			}
			var item = new LinkedHashMap<String, Object>();
			raw.forEach((k, v) -> item.put(String.valueOf(k), v));
			for (String key : List.of("item", "reason")) {
				Object text = item.get(key);
				if (text != null && !(text instanceof String)) {
					problems.add(path + "." + key, "format");
				} else {
					Texts.check(problems, path + "." + key, (String) text, MAX_TEXT, true);
				}
			}
			items.add(Collections.unmodifiableMap(item));
		}
		return List.copyOf(items);
	}
}
