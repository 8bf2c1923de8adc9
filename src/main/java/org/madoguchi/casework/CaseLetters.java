package org.madoguchi.casework;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.madoguchi.documents.LetterRequest;
import org.madoguchi.documents.LetterType;
import org.madoguchi.documents.MailingBatches;
import org.madoguchi.documents.Recipient;
import org.madoguchi.platform.InvalidInput;
import org.madoguchi.procedures.Fee;
import org.madoguchi.procedures.Field;
import org.madoguchi.procedures.FieldType;
import org.madoguchi.procedures.Letter;
import org.madoguchi.procedures.Procedure;
import org.madoguchi.procedures.Transition;
import org.madoguchi.tenancy.Municipalities;
import org.madoguchi.tenancy.OfficeCalendars;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

/**
 * The letter a transition sends, addressed to the applicant as keyed and put into the open mailing batch
 * of its type. What cannot be sent yet (no address keyed, a letter type without a template) is said in
 * the timeline, never silently dropped.
 */
@Component
class CaseLetters {

	/** Residents get this many business days to correct a deficient application, or to do what a reminder asks. */
	static final int CORRECTION_DAYS = 10;
	private final MailingBatches batches;
	private final Municipalities municipalities;
	private final OfficeCalendars calendars;

	CaseLetters(MailingBatches batches, Municipalities municipalities, OfficeCalendars calendars) {
		this.batches = batches;
		this.municipalities = municipalities;
		this.calendars = calendars;
	}

	/** Sends the letter; answers the details to record: the letter id, or why none was sent. */
	Map<String, String> send(String municipality, CaseFile file, Procedure procedure, String letterId, Map<String, Object> values,
			String idempotencyKey, LocalDate today) {
		var letter = procedure.letter(letterId).orElseThrow();
		Optional<LetterType> type = LetterType.parse(letter.type().wire());
		if (type.isEmpty()) {
			return Map.of("letterNotSent", letterId + ":no-template");
		}
		return send(municipality, file, procedure, letterId, type.get(), values, idempotencyKey, today);
	}

	/**
	 * Sends a letter of a type the procedure need not list, such as the reminder that follows its deficiency notice;
	 * {@code label} names the letter where it could not be sent.
	 */
	Map<String, String> send(String municipality, CaseFile file, Procedure procedure, String label, LetterType type,
			Map<String, Object> values, String idempotencyKey, LocalDate today) {
		// the type is recorded too: a letter the procedure does not list has no name of its own in the timeline
		Optional<Recipient> recipient = recipient(procedure, Cases.data(file));
		if (recipient.isEmpty()) {
			return Map.of("letterNotSent", label + ":no-address", "letterType", type.code());
		}
		String name = municipalities.find(municipality).orElseThrow().name();
		var request = new LetterRequest(municipality, name, procedure.id(), type, file.caseNumber(), recipient.get(), today, values);
		var added = batches.addOnce(request, idempotencyKey);
		return Map.of("letter", Long.toString(added.letter().id()), "letterType", type.code());
	}

	Map<String, Object> values(String municipality, CaseFile file, Procedure procedure, Transition transition, Move move, LocalDate today) {
		var letter = procedure.letter(transition.letter()).orElseThrow();
		var values = new HashMap<String, Object>();
		values.put("procedureName", procedure.name().ja());
		// a certificate letter is named after what it encloses (住民票の写し等); its heading stays the cover letter's
		if (letter.type() != org.madoguchi.procedures.LetterType.CERTIFICATE) {
			values.put("title", letter.name().ja());
		}
		switch (letter.type()) {
			case DEFICIENCY_NOTICE -> {
				values.put("items", items(procedure, move.deficiencies()));
				values.put("deadline", calendars.of(municipality).addBusinessDays(today, CORRECTION_DAYS));
			}
			case DECISION_NOTICE -> {
				values.put("decision", transition.name().ja());
				if (move.reason() != null && !move.reason().isBlank()) {
					values.put("reasons", List.of(move.reason()));
				}
			}
			case ACKNOWLEDGEMENT -> values.put("receivedOn", file.receivedOn());
			case CERTIFICATE -> {
				JsonNode data = Cases.data(file);
				values.put("receivedOn", file.receivedOn());
				values.put("enclosures", List.of(Map.of("item", enclosed(procedure, letter, data), "copies", copies(procedure, data))));
				values.put("feeReceived", procedure.feeTotal(data));
			}
			case REMINDER -> values.put("deadline", calendars.of(municipality).addBusinessDays(today, CORRECTION_DAYS));
			default -> {
			}
		}
		return values;
	}

	/** A reminder (再通知) of a deficiency notice: its items again, the day it was sent and the deadline still in force. */
	static Map<String, Object> reminder(Procedure procedure, List<Move.Deficiency> deficiencies, LocalDate noticeDate, LocalDate deadline) {
		return Map.of("procedureName", procedure.name().ja(), "items", items(procedure, deficiencies), "firstNoticeOn", noticeDate,
				"deadline", deadline);
	}

	/** Each deficiency as the resident reads it: the field's or attachment's label and the reason's name. */
	private static List<Map<String, String>> items(Procedure procedure, List<Move.Deficiency> deficiencies) {
		List<Map<String, String>> items = new ArrayList<>();
		for (var deficiency : deficiencies) {
			String item = procedure.field(deficiency.path()).map(f -> f.label().ja())
				.orElseGet(() -> procedure.attachments().stream().filter(a -> ("attachments." + a.id()).equals(deficiency.path()))
					.findFirst().map(a -> a.name().ja()).orElse(deficiency.path()));
			String reason = procedure.deficiencyReasons().stream().filter(r -> r.code().equals(deficiency.reason())).findFirst()
				.map(r -> r.name().ja()).orElse(deficiency.reason());
			items.add(Map.of("item", item, "reason", reason));
		}
		return items;
	}

	/**
	 * What the certificate letter encloses. The procedure names the letter generically (住民票の写し等); the choices
	 * made in the form group of the letter's id say which certificate exactly: 住民票の写し（世帯全員）.
	 */
	private static String enclosed(Procedure procedure, Letter letter, JsonNode data) {
		var chosen = new ArrayList<String>();
		for (Field field : procedure.form()) {
			if (field.type() == FieldType.CHOICE && field.path().startsWith(letter.id() + ".")) {
				JsonNode value = data.at("/" + field.path().replace('.', '/'));
				field.options().stream().filter(o -> value.isString() && o.value().equals(value.asString())).findFirst()
					.ifPresent(o -> chosen.add(o.label().ja()));
			}
		}
		if (chosen.isEmpty()) {
			return letter.name().ja();
		}
		return chosen.size() == 1 ? chosen.get(0) : chosen.get(0) + "（" + String.join("・", chosen.subList(1, chosen.size())) + "）";
	}

	/** Copies are what the fee is charged per (通数); a procedure without such a fee issues one. */
	private static long copies(Procedure procedure, JsonNode data) {
		return procedure.fees().stream().map(Fee::perField).filter(java.util.Objects::nonNull)
			.map(path -> data.at("/" + path.replace('.', '/'))).filter(JsonNode::isIntegralNumber).mapToLong(JsonNode::asLong)
			.findFirst().orElse(1);
	}

	/** The person the form asks the reading of, with the address they wrote; none while it is not keyed. */
	static Optional<Recipient> recipient(Procedure procedure, JsonNode data) {
		JsonNode person = Cases.Applicant.person(procedure, data);
		if (person == null) {
			return Optional.empty();
		}
		String name = Cases.Applicant.text(person, "name");
		// a notifier may write their address elsewhere on the form (a move-in's new address)
		JsonNode place = Cases.Applicant.text(person, "address") != null ? person : procedure.fields().stream().map(f -> f.path())
			.filter(p -> p.endsWith(".postalCode") && !p.contains("[]")).map(p -> data.at("/" + p.substring(0, p.lastIndexOf('.')).replace('.', '/')))
			.filter(n -> Cases.Applicant.text(n, "address") != null).findFirst().orElse(person);
		String postalCode = Cases.Applicant.text(place, "postalCode");
		String address = Cases.Applicant.text(place, "address");
		if (name == null || postalCode == null || address == null) {
			return Optional.empty();
		}
		var lines = new ArrayList<String>();
		for (int i = 0; i < address.length() && lines.size() < 3; i += 30) {
			lines.add(address.substring(i, Math.min(address.length(), i + 30)));
		}
		try {
			return Optional.of(new Recipient(name.length() > 30 ? name.substring(0, 30) : name, postalCode, lines));
		} catch (InvalidInput unusable) {
			return Optional.empty();
		}
	}

}
