package org.madoguchi.procedures;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Reads the {@code sla}; its states and its deferral letter must exist in the procedure. */
final class SlaReader {

	private static final Set<String> KEYS = Set.of("limit", "unit", "startsAt", "stopsAt", "warnAt", "deferralLetter",
			"deferralBeforeDay");
	private static final double DEFAULT_WARN_AT = 0.8;

	private final Workflow workflow;
	private final Map<String, Letter> letters;

	SlaReader(Workflow workflow, Map<String, Letter> letters) {
		this.workflow = workflow;
		this.letters = letters;
	}

	/** The SLA, or null when the definition has none or it has problems (they are collected). */
	Sla read(DefinitionNode node) {
		if (!node.object(KEYS)) {
			return null;
		}
		boolean ok = true;
		Integer limit = node.get("limit").integer(true, null, 1, 3650);
		String unitName = node.get("unit").text(true);
		Sla.Unit unit = unitName == null ? null : Terms.parse(Sla.Unit.class, unitName).orElse(null);
		if (unitName != null && unit == null) {
			node.get("unit").problem("unknown_value", Terms.allowed(Sla.Unit.class));
		}
		String startsAt = state(node.get("startsAt"));
		Set<String> stopsAt = new LinkedHashSet<>();
		for (var item : node.get("stopsAt").items(true, workflow.states().size())) {
			String state = state(item);
			ok &= state != null;
			if (state != null) {
				stopsAt.add(state);
			}
		}
		double warnAt = warnAt(node.get("warnAt"));
		String deferralLetter = node.get("deferralLetter").id(false);
		if (deferralLetter != null && !letters.containsKey(deferralLetter)) {
			node.get("deferralLetter").problem("unknown_letter");
			ok = false;
		} else if (deferralLetter != null && letters.get(deferralLetter).type() != LetterType.DEFERRAL_NOTICE) {
			node.get("deferralLetter").problem("wrong_letter_type", LetterType.DEFERRAL_NOTICE.wire());
			ok = false;
		}
		Integer before = node.get("deferralBeforeDay").integer(false, null, 1, limit == null ? 3650 : limit);
		if (node.get("deferralBeforeDay").present() && before == null) {
			ok = false;
		} else if (before != null && deferralLetter == null) {
			node.get("deferralLetter").problem("required");
			ok = false;
		}
		if (!ok || limit == null || unit == null || startsAt == null || stopsAt.isEmpty() || warnAt < 0) {
			return null;
		}
		// without a stated day, the deferral notice is due by the last day of the limit
		Integer deferralBeforeDay = deferralLetter != null && before == null ? limit : before;
		return new Sla(limit, unit, startsAt, stopsAt, warnAt, deferralLetter, deferralBeforeDay);
	}

	private String state(DefinitionNode node) {
		String id = node.id(true);
		if (id != null && workflow.state(id).isEmpty()) {
			node.problem("unknown_state");
			return null;
		}
		return id;
	}

	private static double warnAt(DefinitionNode node) {
		if (!node.present()) {
			return DEFAULT_WARN_AT;
		}
		if (!node.raw().isNumber()) {
			node.problem("type");
			return -1;
		}
		double value = node.raw().asDouble();
		if (!(value > 0 && value < 1)) {
			node.problem("out_of_range", 0, 1);
			return -1;
		}
		return value;
	}
}
