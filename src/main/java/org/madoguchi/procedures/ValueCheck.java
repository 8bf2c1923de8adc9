package org.madoguchi.procedures;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.madoguchi.japan.CorporateNumber;
import org.madoguchi.japan.InvalidValue;
import org.madoguchi.japan.KanaName;
import org.madoguchi.japan.MyNumber;
import org.madoguchi.japan.PostalCode;
import org.madoguchi.japan.WarekiDate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Checks one value against its field type and returns its normalised form, or null after reporting the
 * problem. Problems never carry the value: it may be a My Number, which must not reach a log or a message.
 */
final class ValueCheck {

	static final long MAX_AMOUNT = 1_000_000_000_000L;
	/** Identifiers, codes and dates are short; a longer string is refused before any parsing touches it. */
	static final int MAX_CODE_LENGTH = 200;
	private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
	private static final Pattern PHONE = Pattern.compile("0[0-9]+(-[0-9]+)*");
	private static final String DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u30FC\uFF0D\uFF70";
	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private ValueCheck() {
	}

	static JsonNode check(Field field, JsonNode value, String path, ProblemList problems) {
		switch (field.type()) {
			case BOOLEAN -> {
				return value.isBoolean() ? value : type(path, problems);
			}
			case AMOUNT -> {
				return amount(value, path, problems);
			}
			case BANK_ACCOUNT -> {
				return BankAccountCheck.check(value, path, problems);
			}
			case GROUP -> throw new IllegalStateException("groups are walked by the form check");
			default -> {
				int max = field.maxLength() != null ? field.maxLength() : MAX_CODE_LENGTH;
				String text = text(value, path, problems, max, field.multiline());
				if (text == null) {
					return null;
				}
				try {
					String normalised = normalise(field, text);
					if (normalised == null) {
						problems.add(path, field.type() == FieldType.CHOICE ? "unknown_option" : "format");
						return null;
					}
					return NODES.stringNode(normalised);
				} catch (InvalidValue e) {
					problems.add(path, e.code());
					return null;
				}
			}
		}
	}

	/** The canonical text of a valid value; null when its shape is wrong; InvalidValue for finer problems. */
	private static String normalise(Field field, String text) {
		return switch (field.type()) {
			case TEXT -> text;
			case KANA -> KanaName.of(text).kana();
			case DATE -> isoDate(text);
			// the resident's own writing is kept (平成31年5月1日 stays so); Procedure.date(...) reads it as a date
			case ERA_DATE -> {
				WarekiDate.parseIsoOrWareki(text);
				yield text.strip();
			}
			case MY_NUMBER -> checked(digitsOnly(text), 12, MyNumber::isValid);
			case CORPORATE_NUMBER -> checked(digitsOnly(text), 13, CorporateNumber::isValid);
			case POSTAL_CODE -> PostalCode.of(text).value();
			case PHONE -> phone(fold(text).strip());
			case CHOICE -> field.allows(text) ? text : null;
			default -> throw new IllegalStateException("not a text type: " + field.type());
		};
	}

	/**
	 * A string of at most {@code max} code points without control characters; tab and line breaks only in
	 * multi-line text. The length is judged first, so a 10 MB string costs nothing more.
	 */
	static String text(JsonNode value, String path, ProblemList problems, int max, boolean multiline) {
		if (!value.isString()) {
			type(path, problems);
			return null;
		}
		String text = value.asString();
		if (text.length() > 2L * max || text.codePointCount(0, text.length()) > max) {
			problems.add(path, "too_long", max);
			return null;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			} else if (Character.isSurrogate(c)) {
				problems.add(path, "invalid_characters");
				return null;
			} else if (Character.isISOControl(c) && !(multiline && (c == '\t' || c == '\n' || c == '\r'))) {
				problems.add(path, "control_characters");
				return null;
			}
		}
		return text;
	}

	private static JsonNode amount(JsonNode value, String path, ProblemList problems) {
		if (!value.isIntegralNumber()) {
			return type(path, problems);
		}
		if (!value.canConvertToLong() || value.asLong() < 0 || value.asLong() > MAX_AMOUNT) {
			problems.add(path, "out_of_range", 0, MAX_AMOUNT);
			return null;
		}
		return NODES.numberNode(value.asLong());
	}

	private static String isoDate(String text) {
		if (!ISO_DATE.matcher(text).matches()) {
			return null;
		}
		try {
			return LocalDate.parse(text).toString();
		} catch (DateTimeException e) {
			throw new InvalidValue(InvalidValue.INVALID_DATE, "no such date");
		}
	}

	private static String checked(String digits, int length, Predicate<String> valid) {
		if (digits.length() != length || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
			return null;
		}
		if (!valid.test(digits)) {
			throw new InvalidValue(InvalidValue.CHECK_DIGIT, "check digit does not match");
		}
		return digits;
	}

	/** Ten digits for a landline, eleven for a mobile or IP phone; hyphens as the resident grouped them. */
	private static String phone(String text) {
		if (!PHONE.matcher(text).matches()) {
			return null;
		}
		long digits = text.chars().filter(c -> c != '-').count();
		return digits == 10 || digits == 11 ? text : null;
	}

	/** Numbers as printed on cards are grouped (1234 5678 9018); the grouping is not part of the number. */
	private static String digitsOnly(String text) {
		return fold(text).replace(" ", "").replace("-", "");
	}

	/**
	 * Full-width digits, spaces and the dashes an IME produces, as ASCII. By hand, because NFKC would also
	 * rewrite compatibility ideographs, which this project forbids.
	 */
	static String fold(String text) {
		var folded = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= '\uFF10' && c <= '\uFF19') {
				folded.append((char) (c - 0xFEE0));
			} else if (c == '\u3000') {
				folded.append(' ');
			} else if (DASHES.indexOf(c) >= 0) {
				folded.append('-');
			} else {
				folded.append(c);
			}
		}
		return folded.toString();
	}

	private static JsonNode type(String path, ProblemList problems) {
		problems.add(path, "type");
		return null;
	}
}
