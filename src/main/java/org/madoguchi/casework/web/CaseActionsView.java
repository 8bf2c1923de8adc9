package org.madoguchi.casework.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.madoguchi.casework.CaseFile;
import org.madoguchi.platform.Caller;
import org.madoguchi.platform.Role;
import org.madoguchi.procedures.Procedure;
import org.madoguchi.procedures.Transition;
import org.springframework.context.MessageSource;

/**
 * What the signed-in person may do with a case now: the transitions their roles allow from its state, as
 * a keying link, a deficiency form, the decision buttons or a reason box, plus why keying is not offered
 * when it is not (they keyed round one; the rounds disagree and wait for a checker).
 */
record CaseActionsView(List<Action> keying, List<Action> decisions, List<Action> deficiencies, List<Action> others,
		List<Action> withdrawals, String resolveHref, List<String> notes, List<Option> targets, List<Option> reasons) {

	record Action(String transition, String name, String href) {
	}

	record Option(String value, String label) {
	}

	static final int DEFICIENCY_ROWS = 3;

	public boolean any() {
		return !keying.isEmpty() || !decisions.isEmpty() || !deficiencies.isEmpty() || !others.isEmpty() || !withdrawals.isEmpty()
				|| resolveHref != null;
	}

	static CaseActionsView of(String code, CaseFile file, Procedure procedure, TimelineView.Keying keying, Caller caller, Locale locale,
			MessageSource messages) {
		String base = "/municipalities/" + code + "/cases/" + file.caseNumber();
		var keyingLinks = new ArrayList<Action>();
		var decisions = new ArrayList<Action>();
		var deficiencies = new ArrayList<Action>();
		var others = new ArrayList<Action>();
		var withdrawals = new ArrayList<Action>();
		var notes = new ArrayList<String>();
		boolean keyedByMe = keying.keyers().contains(caller.username());
		for (Transition transition : procedure.workflow().transitionsFrom(file.state())) {
			if (!transition.allowsAnyOf(caller.roles())) {
				continue;
			}
			var action = new Action(transition.id(), transition.name().in(locale), null);
			switch (transition.kind()) {
				case KEYING -> {
					if (transition.doubleKeying() && keying.keyers().size() >= 2) {
						continue;
					}
					if (transition.doubleKeying() && keyedByMe) {
						notes.add(messages.getMessage("casework.keying.you-keyed", null, locale));
						continue;
					}
					keyingLinks.add(new Action(transition.id(), transition.name().in(locale), base + "/key?transition=" + transition.id()));
				}
				case DECISION -> decisions.add(action);
				case DEFICIENCY -> deficiencies.add(action);
				case WITHDRAWAL -> withdrawals.add(action);
				default -> others.add(action);
			}
		}
		String resolve = null;
		if (keying.pending()) {
			boolean checker = caller.hasRole(Role.OPERATOR_CHECKER.name()) || caller.hasRole(Role.OPERATOR_SUPERVISOR.name());
			if (checker && !keyedByMe) {
				resolve = base + "/resolve";
			} else {
				notes.add(messages.getMessage("casework.keying.awaiting-resolution", null, locale));
			}
		}
		return new CaseActionsView(keyingLinks, decisions, deficiencies, others, withdrawals, resolve, notes,
				targets(procedure, locale, messages),
				procedure.deficiencyReasons().stream().map(r -> new Option(r.code(), r.name().in(locale))).toList());
	}

	/** What a checker can mark deficient: each field outside a group, each group as a whole, and each attachment. */
	private static List<Option> targets(Procedure procedure, Locale locale, MessageSource messages) {
		var targets = new ArrayList<Option>();
		procedure.fields().stream().filter(f -> !f.path().contains("[]"))
			.forEach(f -> targets.add(new Option(f.path(), f.label().in(locale))));
		procedure.attachments().forEach(a -> targets.add(new Option("attachments." + a.id(),
				messages.getMessage("casework.deficiency.attachment", new Object[] { a.name().in(locale) }, locale))));
		return targets;
	}
}
