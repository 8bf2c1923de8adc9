package org.madoguchi.portal.web;

/**
 * A birth date as the pages ask for it: three boxes (year, month, day), the pattern that works with a
 * keyboard, a screen reader and a phone alike, where a date picker works well with none of them. The service
 * reads one ISO date, so the boxes are joined; what cannot be joined is passed on as typed, to be refused there
 * with the field's path ({@code birthDate}).
 */
record BirthDate(String year, String month, String day) {

	static final BirthDate EMPTY = new BirthDate("", "", "");

	static BirthDate of(String year, String month, String day) {
		return new BirthDate(digits(year), digits(month), digits(day));
	}

	/** The boxes of an ISO date given in an address (the contract's {@code birthDate=YYYY-MM-DD}), for refilling. */
	static BirthDate split(String iso) {
		if (iso == null || !iso.strip().matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
			return EMPTY;
		}
		String[] parts = iso.strip().split("-");
		return new BirthDate(parts[0], parts[1], parts[2]);
	}

	/** {@code YYYY-MM-DD}, null when nothing was typed, or the parts as typed when they are not numbers of the right length. */
	String joined() {
		if (year.isEmpty() && month.isEmpty() && day.isEmpty()) {
			return null;
		}
		if (year.matches("[0-9]{4}") && month.matches("[0-9]{1,2}") && day.matches("[0-9]{1,2}")) {
			return "%s-%02d-%02d".formatted(year, Integer.parseInt(month), Integer.parseInt(day));
		}
		return year + "-" + month + "-" + day;
	}

	/** Phones often type full-width digits; spaces around them are not worth an error. */
	private static String digits(String typed) {
		if (typed == null) {
			return "";
		}
		var out = new StringBuilder();
		for (char c : typed.strip().toCharArray()) {
			out.append(c >= '０' && c <= '９' ? (char) (c - '０' + '0') : c);
		}
		return out.toString();
	}
}
