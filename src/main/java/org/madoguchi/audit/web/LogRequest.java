package org.madoguchi.audit.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import org.madoguchi.audit.AuditFilter;
import org.madoguchi.audit.AuditLog;
import org.madoguchi.platform.InvalidInput;

/**
 * The listing's query parameters as they arrive. They are bound as text and checked here, so a bad value
 * is answered 422 naming its parameter instead of a bare type-mismatch 400.
 *
 * <p>{@code from} and {@code to} are dates (a whole day in Japan, {@code to} included) or instants with an
 * offset ({@code to} excluded); {@code page} counts from 0.
 */
record LogRequest(String from, String to, String actor, String action, String subjectType, String subjectId,
		String page, String size) {

	static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
	static final int DEFAULT_SIZE = 50;
	private static final int MAX_TEXT = 200;
	private static final int MAX_PAGE = 1_000_000;

	record Query(AuditFilter filter, int page, int size) {
	}

	static LogRequest empty() {
		return new LogRequest(null, null, null, null, null, null, null, null);
	}

	Query parse() {
		var problems = new InvalidInput.Collector();
		Instant start = instant(problems, "from", from, false);
		Instant end = instant(problems, "to", to, true);
		if (start != null && end != null && !end.isAfter(start)) {
			problems.add("to", "to_before_from");
		}
		text(problems, "actor", actor);
		text(problems, "action", action);
		text(problems, "subjectType", subjectType);
		text(problems, "subjectId", subjectId);
		int pageNumber = number(problems, "page", page, 0, 0, MAX_PAGE);
		int pageSize = number(problems, "size", size, DEFAULT_SIZE, 1, AuditLog.MAX_PAGE_SIZE);
		problems.throwIfAny();
		return new Query(new AuditFilter(start, end, actor, action, subjectType, subjectId), pageNumber, pageSize);
	}

	private static Instant instant(InvalidInput.Collector problems, String path, String value, boolean endOfPeriod) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.strip();
		try {
			if (text.length() == 10) {
				var day = LocalDate.parse(text);
				return (endOfPeriod ? day.plusDays(1) : day).atStartOfDay(JAPAN).toInstant();
			}
			return OffsetDateTime.parse(text).toInstant();
		} catch (DateTimeParseException e) {
			problems.add(path, "format");
			return null;
		}
	}

	private static void text(InvalidInput.Collector problems, String path, String value) {
		if (value == null) {
			return;
		}
		if (value.length() > MAX_TEXT) {
			problems.add(path, "too_long", MAX_TEXT);
		} else if (value.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.isSurrogate((char) c))) {
			problems.add(path, "control_characters");
		}
	}

	private static int number(InvalidInput.Collector problems, String path, String value, int otherwise, int min, int max) {
		if (value == null || value.isBlank()) {
			return otherwise;
		}
		try {
			int number = Integer.parseInt(value.strip());
			if (number >= min && number <= max) {
				return number;
			}
			problems.add(path, "out_of_range");
		} catch (NumberFormatException e) {
			problems.add(path, "format");
		}
		return otherwise;
	}
}
