package org.madoguchi.procedures;

import tools.jackson.databind.JsonNode;

/**
 * A cross-field rule. Paths are flat field paths; inside a group ({@code members[].birthDate}) the rule is
 * checked for each item, and other paths of the same group refer to the same item. A rule whose fields are
 * missing or invalid is skipped: the field's own problem is what the caller needs to hear.
 */
public sealed interface Rule {

	String field();

	/** The condition under which the rule applies, or null for always. */
	Condition when();

	/** Holds when {@code field} has a value and, if {@code equals} is given, that value. */
	record Condition(String field, JsonNode equals) {
	}

	/**
	 * The person born on the date in {@code field} has reached {@code years} (and, with {@code below}, not yet
	 * that age) on the date in field {@code on}, or on the application date when {@code on} is null.
	 */
	record MinAge(String field, int years, Integer below, String on, Condition when) implements Rule {
	}

	/** {@code field} must have a value when the condition holds. */
	record RequiredIf(String field, Condition when) implements Rule {
	}

	/** The date in {@code field} is not after the date in {@code notAfter}, or the application date if null. */
	record DateNotAfter(String field, String notAfter, Condition when) implements Rule {
	}
}
