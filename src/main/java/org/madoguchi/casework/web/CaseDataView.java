package org.madoguchi.casework.web;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.madoguchi.japan.WarekiDate;
import org.madoguchi.procedures.Field;
import org.madoguchi.procedures.FieldType;
import org.madoguchi.procedures.Procedure;
import org.springframework.context.MessageSource;

import tools.jackson.databind.JsonNode;

/**
 * A case's data as label and value, in the order of the form. Personal values (My Number, phone, account
 * number) are stored as vault references and shown only by their mask; nothing here can reveal them.
 */
final class CaseDataView {

	record Row(String label, String value) {
	}

	private final Locale locale;
	private final MessageSource messages;
	private final List<Row> rows = new ArrayList<>();

	private CaseDataView(Locale locale, MessageSource messages) {
		this.locale = locale;
		this.messages = messages;
	}

	static List<Row> rows(Procedure procedure, JsonNode data, Locale locale, MessageSource messages) {
		var view = new CaseDataView(locale, messages);
		view.walk(procedure.form(), data, "");
		return view.rows;
	}

	/** Dates in Japanese pages are read in the era calendar; English pages keep ISO. */
	static String date(LocalDate date, Locale locale) {
		if (date == null) {
			return null;
		}
		return "ja".equals(locale.getLanguage()) ? WarekiDate.format(date) + "（" + date + "）" : date.toString();
	}

	private void walk(List<Field> fields, JsonNode data, String labelPrefix) {
		for (Field field : fields) {
			JsonNode value = at(data, field.path());
			if (value == null || value.isNull()) {
				continue;
			}
			String label = labelPrefix + field.label().in(locale);
			if (field.type() == FieldType.GROUP && value.isArray()) {
				for (int i = 0; i < value.size(); i++) {
					walk(field.fields(), value.get(i), label + " (" + (i + 1) + ") ");
				}
			} else {
				rows.add(new Row(label, show(field, value)));
			}
		}
	}

	private String show(Field field, JsonNode value) {
		if (value.isObject() && value.has("masked")) {
			return value.get("masked").asString();
		}
		return switch (field.type()) {
			case BOOLEAN -> messages.getMessage(value.asBoolean() ? "casework.yes" : "casework.no", null, locale);
			case CHOICE -> field.options().stream().filter(o -> o.value().equals(value.asString())).findFirst()
				.map(o -> o.label().in(locale)).orElse(value.asString());
			case AMOUNT -> value.isNumber() ? NumberFormat.getIntegerInstance(locale).format(value.asLong()) : value.asString();
			case DATE -> {
				try {
					yield date(LocalDate.parse(value.asString()), locale);
				} catch (java.time.format.DateTimeParseException e) {
					yield value.asString();
				}
			}
			case BANK_ACCOUNT -> bankAccount(value);
			case POSTAL_CODE -> value.asString().matches("\\d{7}") ? value.asString().substring(0, 3) + "-" + value.asString().substring(3)
					: value.asString();
			default -> value.isString() ? value.asString() : value.toString();
		};
	}

	private String bankAccount(JsonNode account) {
		var parts = new ArrayList<String>();
		for (String part : KeyedValuesForm.BANK_PARTS) {
			JsonNode value = account.get(part);
			if (value == null) {
				continue;
			}
			String shown = value.isObject() && value.has("masked") ? value.get("masked").asString() : value.asString();
			if ("accountType".equals(part)) {
				shown = messages.getMessage("casework.bank.type." + shown, null, shown, locale);
			}
			parts.add(messages.getMessage("casework.bank." + part, null, locale) + " " + shown);
		}
		return String.join(" / ", parts);
	}

	private static JsonNode at(JsonNode data, String dotted) {
		JsonNode node = data;
		for (String name : dotted.split("\\.")) {
			if (node == null || !node.isObject()) {
				return null;
			}
			node = node.get(name);
		}
		return node;
	}
}
