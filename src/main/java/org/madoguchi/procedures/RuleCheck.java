package org.madoguchi.procedures;

import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.Map;

import org.madoguchi.japan.WarekiDate;

import tools.jackson.databind.JsonNode;

/** Checks the cross-field rules on normalised data; a rule whose fields are missing or invalid is skipped. */
final class RuleCheck {

	private final Map<String, Field> fields;
	private final LocalDate applicationDate;
	private final ProblemList problems;

	RuleCheck(Map<String, Field> fields, LocalDate applicationDate, ProblemList problems) {
		this.fields = fields;
		this.applicationDate = applicationDate;
		this.problems = problems;
	}

	void run(List<Rule> rules, JsonNode data) {
		for (Rule rule : rules) {
			String group = RuleReader.group(rule.field());
			if (group.isEmpty()) {
				apply(rule, data, "", -1);
				continue;
			}
			JsonNode items = DataPath.at(data, group);
			for (int i = 0; items != null && items.isArray() && i < items.size(); i++) {
				apply(rule, data, group, i);
			}
		}
	}

	private void apply(Rule rule, JsonNode data, String group, int index) {
		if (rule.when() != null && !holds(rule.when(), data, group, index)) {
			return;
		}
		String at = concrete(rule.field(), group, index);
		if (problems.has("data." + at)) {
			return;
		}
		switch (rule) {
			case Rule.MinAge age -> {
				LocalDate birth = date(data, rule.field(), group, index);
				LocalDate on = age.on() == null ? applicationDate : date(data, age.on(), group, index);
				if (birth == null || on == null) {
					return;
				}
				if (on.isBefore(reaches(birth, age.years()))) {
					problems.add("data." + at, "min_age", age.years());
				} else if (age.below() != null && !on.isBefore(reaches(birth, age.below()))) {
					problems.add("data." + at, "max_age", age.below());
				}
			}
			case Rule.RequiredIf required -> {
				if (!DataPath.given(DataPath.at(data, at))) {
					problems.add("data." + at, "required");
				}
			}
			case Rule.DateNotAfter notAfter -> {
				LocalDate date = date(data, rule.field(), group, index);
				LocalDate limit = notAfter.notAfter() == null ? applicationDate : date(data, notAfter.notAfter(), group, index);
				if (date != null && limit != null && date.isAfter(limit)) {
					problems.add("data." + at, "date_after");
				}
			}
		}
	}

	/**
	 * The day a person reaches an age. By 年齢計算ニ関スル法律 and 民法 第143条 the age is reached at the end of
	 * the day before the birthday (so one born on 1 April is a year older on 31 March); one born on 29
	 * February reaches it on 28 February in common years, the last day of the month.
	 */
	static LocalDate reaches(LocalDate birth, int years) {
		LocalDate anniversary = birth.plusYears(years);
		boolean leapDay = birth.getMonth() == Month.FEBRUARY && birth.getDayOfMonth() == 29;
		return leapDay && !anniversary.isLeapYear() ? anniversary : anniversary.minusDays(1);
	}

	private boolean holds(Rule.Condition condition, JsonNode data, String group, int index) {
		JsonNode value = DataPath.at(data, concrete(condition.field(), group, index));
		return DataPath.given(value) && (condition.equals() == null || condition.equals().equals(value));
	}

	private LocalDate date(JsonNode data, String field, String group, int index) {
		JsonNode value = DataPath.at(data, concrete(field, group, index));
		if (value == null || !value.isString()) {
			return null;
		}
		return fields.get(field).type() == FieldType.DATE ? LocalDate.parse(value.asString())
				: WarekiDate.parseIsoOrWareki(value.asString());
	}

	/** {@code members[].birthDate} as the path of one item, {@code members[2].birthDate}. */
	private static String concrete(String flat, String group, int index) {
		return !group.isEmpty() && flat.startsWith(group + "[]") ? group + "[" + index + "]" + flat.substring(group.length() + 2)
				: flat;
	}
}
