package org.madoguchi.japan;

import static org.madoguchi.japan.InvalidValue.FORMAT;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** 郵便番号, stored as seven ASCII digits however the resident typed it. */
public record PostalCode(String value) {

	private static final Pattern SHAPE = Pattern.compile("(\\d{3})-?(\\d{4})");

	// A Japanese IME turns the hyphen key into ー, and copied addresses bring every dash Unicode has.
	private static final String DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u30FC\uFF70";

	public PostalCode {
		Matcher matcher = SHAPE.matcher(clean(InvalidValue.required(value, "postal code")));
		if (!matcher.matches()) {
			throw new InvalidValue(FORMAT, "postal code must be 7 digits, as 650-0001");
		}
		value = matcher.group(1) + matcher.group(2);
	}

	public static PostalCode of(String value) {
		return new PostalCode(value);
	}

	public String formatted() {
		return value.substring(0, 3) + "-" + value.substring(3);
	}

	private static String clean(String raw) {
		String text = Digits.foldFullWidth(raw).strip();
		if (text.startsWith("〒")) {
			text = text.substring(1).strip();
		}
		StringBuilder cleaned = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			cleaned.append(DASHES.indexOf(c) >= 0 ? '-' : c);
		}
		return cleaned.toString();
	}
}
