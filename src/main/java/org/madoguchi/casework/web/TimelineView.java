package org.madoguchi.casework.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.madoguchi.casework.TimelineEntry;
import org.madoguchi.procedures.FormField;
import org.madoguchi.procedures.LocalizedText;
import org.madoguchi.procedures.Procedure;
import org.springframework.context.MessageSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A case's history as staff read it, and what it tells about double keying: who keyed, and what still disagrees. */
final class TimelineView {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Tokyo"));

	record Row(int seq, String at, String actor, String what, String from, String to, String reason, List<String> notes) {
	}

	/** The keyers so far, and the paths (e.g. {@code data.copies}) the two rounds disagree on while unresolved. */
	record Keying(List<String> keyers, List<String> conflicts) {

		public boolean pending() {
			return !conflicts.isEmpty();
		}
	}

	private TimelineView() {
	}

	static Keying keying(List<TimelineEntry> timeline) {
		var keyers = new ArrayList<String>();
		List<String> conflicts = List.of();
		for (TimelineEntry entry : timeline) {
			JsonNode details = details(entry);
			if ("keyed".equals(entry.kind())) {
				keyers.add(entry.actor());
				String paths = text(details, "conflicts");
				if (paths != null && !paths.isBlank()) {
					conflicts = Arrays.stream(paths.split(",")).filter(p -> !p.isBlank()).toList();
				}
			} else if ("keying-resolved".equals(entry.kind())) {
				conflicts = List.of();
			}
		}
		return new Keying(keyers, conflicts);
	}

	static List<Row> rows(List<TimelineEntry> timeline, Procedure procedure, Locale locale, MessageSource messages) {
		var rows = new ArrayList<Row>();
		for (TimelineEntry entry : timeline) {
			JsonNode details = details(entry);
			String transition = text(details, "transition");
			boolean ownKind = java.util.Set.of("received", "keyed", "keying-resolved").contains(entry.kind());
			String what = transition != null && !ownKind
					? procedure.workflow().transition(transition).map(t -> t.name().in(locale)).orElse(transition)
					: messages.getMessage("casework.event." + entry.kind(), null, entry.kind(), locale);
			var notes = new ArrayList<String>();
			String round = text(details, "round");
			if (round != null) {
				notes.add(messages.getMessage("casework.event.round", new Object[] { round }, locale));
			}
			String conflicts = text(details, "conflicts");
			if (conflicts != null) {
				notes.add(messages.getMessage("casework.event.conflicts", new Object[] { labels(procedure, conflicts, locale) }, locale));
			}
			String keyers = text(details, "keyers");
			if (keyers != null) {
				notes.add(messages.getMessage("casework.event.keyers", new Object[] { keyers.replace(",", ", ") }, locale));
			}
			String deficiencies = text(details, "deficiencies");
			if (deficiencies != null) {
				for (String item : deficiencies.split(",")) {
					String[] parts = item.split("=", 2);
					String reason = parts.length < 2 ? "" : procedure.deficiencyReasons().stream().filter(r -> r.code().equals(parts[1]))
						.findFirst().map(r -> r.name().in(locale)).orElse(parts[1]);
					notes.add(messages.getMessage("casework.event.deficient", new Object[] { target(procedure, parts[0], locale), reason },
							locale));
				}
			}
			String letterName = transition == null ? null : procedure.workflow().transition(transition).map(t -> t.letter())
				.flatMap(procedure::letter).map(l -> l.name().in(locale)).orElse(null);
			String letterType = text(details, "letterType");
			if (letterName == null && letterType != null) {
				letterName = messages.getMessage("casework.letter." + letterType, null, letterType, locale);
			}
			if (text(details, "letter") != null) {
				notes.add(messages.getMessage("casework.event.letter", new Object[] { letterName == null ? "" : letterName }, locale));
			}
			String notSent = text(details, "letterNotSent");
			if (notSent != null) {
				String why = notSent.substring(notSent.indexOf(':') + 1);
				notes.add(messages.getMessage("casework.event.letter-not-sent", new Object[] { letterName == null ? notSent : letterName,
						messages.getMessage("casework.letter.not-sent." + why, null, why, locale) }, locale));
			}
			String channel = text(details, "channel");
			if (channel != null) {
				notes.add(messages.getMessage("casework.channel." + channel, null, channel, locale));
			}
			rows.add(new Row(entry.seq(), WHEN.format(entry.at()), entry.actor(), what, state(procedure, entry.fromState(), locale),
					state(procedure, entry.toState(), locale), entry.reason(), notes));
		}
		return rows;
	}

	/** The label of a field or attachment named in a deficiency ({@code copies}, {@code attachments.return-envelope}). */
	static String target(Procedure procedure, String path, Locale locale) {
		if (path.startsWith("attachments.")) {
			String id = path.substring("attachments.".length());
			return procedure.attachments().stream().filter(a -> a.id().equals(id)).findFirst().map(a -> a.name().in(locale)).orElse(path);
		}
		return label(procedure, path, locale);
	}

	/** A field's label for a concrete path such as {@code data.members[1].name}; a group row gets its number. */
	static String label(Procedure procedure, String path, Locale locale) {
		String plain = path.startsWith("data.") ? path.substring(5) : path;
		String flat = plain.replaceAll("\\[\\d+]", "[]");
		var field = procedure.field(flat).or(() -> procedure.field(flat.contains(".") ? flat.substring(0, flat.lastIndexOf('.')) : flat));
		if (field.isEmpty()) {
			return plain;
		}
		var row = java.util.regex.Pattern.compile("\\[(\\d+)]").matcher(plain);
		String label = field.map(FormField::label).map(l -> l.in(locale)).orElse(plain);
		return row.find() ? label + " (" + (Integer.parseInt(row.group(1)) + 1) + ")" : label;
	}

	private static String labels(Procedure procedure, String paths, Locale locale) {
		return String.join(", ", Arrays.stream(paths.split(",")).filter(p -> !p.isBlank()).map(p -> label(procedure, p, locale)).toList());
	}

	static String state(Procedure procedure, String id, Locale locale) {
		if (id == null) {
			return null;
		}
		return procedure.workflow().state(id).map(s -> s.name()).map(n -> in(n, locale)).orElse(id);
	}

	private static String in(LocalizedText text, Locale locale) {
		return text.in(locale);
	}

	private static JsonNode details(TimelineEntry entry) {
		return entry.details() == null ? JSON.createObjectNode() : JSON.readTree(entry.details());
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return value != null && value.isString() ? value.asString() : null;
	}
}
