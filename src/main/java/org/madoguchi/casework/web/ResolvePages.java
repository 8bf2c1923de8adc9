package org.madoguchi.casework.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.madoguchi.casework.CaseFile;
import org.madoguchi.casework.CaseNumber;
import org.madoguchi.casework.CaseTransitions;
import org.madoguchi.casework.Cases;
import org.madoguchi.casework.Move;
import org.madoguchi.platform.Conflict;
import org.madoguchi.platform.InvalidInput;
import org.madoguchi.platform.Problem;
import org.madoguchi.procedures.Field;
import org.madoguchi.procedures.FieldType;
import org.madoguchi.procedures.Procedure;
import org.madoguchi.procedures.Procedures;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The checker's screen for two keyings that disagree: one input per differing field, to be filled from the
 * paper form. Neither keyer's value is shown — personal values are sealed, and the paper is the authority.
 */
@Controller
@PreAuthorize("hasAnyRole('OPERATOR_CHECKER','OPERATOR_SUPERVISOR')")
class ResolvePages {

	private final Cases cases;
	private final CaseTransitions transitions;
	private final Procedures procedures;
	private final MessageSource messages;

	ResolvePages(Cases cases, CaseTransitions transitions, Procedures procedures, MessageSource messages) {
		this.cases = cases;
		this.transitions = transitions;
		this.procedures = procedures;
		this.messages = messages;
	}

	@GetMapping("/municipalities/{code}/cases/{caseNumber}/resolve")
	String form(@PathVariable String code, @PathVariable String caseNumber, Model model, RedirectAttributes redirect) {
		CaseFile file = CasePages.file(cases, code, caseNumber);
		var conflicts = TimelineView.keying(cases.timeline(code, file.caseNumber())).conflicts();
		if (conflicts.isEmpty()) {
			return KeyingPages.refused(code, file, redirect, "transition", "wrong_state");
		}
		Procedure procedure = procedures.version(code, file.procedureId(), file.procedureVersion()).orElseThrow();
		return page(code, file, procedure, targets(procedure, conflicts), Map.of(), List.of(), model);
	}

	@PostMapping("/municipalities/{code}/cases/{caseNumber}/resolve")
	String resolve(@PathVariable String code, @PathVariable String caseNumber, @RequestParam Map<String, String> typed, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		Locale locale = LocaleContextHolder.getLocale();
		CaseFile file = CasePages.file(cases, code, caseNumber);
		var conflicts = TimelineView.keying(cases.timeline(code, file.caseNumber())).conflicts();
		if (conflicts.isEmpty()) {
			return KeyingPages.refused(code, file, redirect, "transition", "wrong_state");
		}
		Procedure procedure = procedures.version(code, file.procedureId(), file.procedureVersion()).orElseThrow();
		var targets = targets(procedure, conflicts);
		List<Problem> problems = new ArrayList<>();
		for (var target : targets) {
			if (target.field().type() != FieldType.BANK_ACCOUNT && (typed.get(target.name()) == null || typed.get(target.name()).isBlank())) {
				problems.add(Problem.of("data." + target.name(), "required"));
			}
		}
		if (problems.isEmpty()) {
			try {
				var move = new Move(Move.RESOLVE_KEYING, KeyedValuesForm.part(targets, typed), reason(typed.get("_reason")), null);
				String state = transitions.take(code, file.caseNumber(), move);
				redirect.addFlashAttribute("notice", messages.getMessage("casework.resolve.done",
						new Object[] { TimelineView.state(procedure, state, locale) }, locale));
				redirect.addFlashAttribute("nextQueue", WorklistPages.CONFLICT_QUEUE);
				return "redirect:/municipalities/" + code + "/cases/" + file.caseNumber();
			} catch (InvalidInput e) {
				problems = e.problems();
			} catch (Conflict e) {
				problems = List.of(e.problem());
			}
		}
		response.setStatus(422);
		return page(code, file, procedure, targets, typed, problems, model);
	}

	private static String reason(String typed) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		String reason = typed.strip();
		if (reason.codePointCount(0, reason.length()) > CasePages.MAX_REASON) {
			throw new InvalidInput("reason", "too_long", CasePages.MAX_REASON);
		}
		return reason.chars().anyMatch(Character::isISOControl) ? reason.replaceAll("\\p{Cntrl}", " ") : reason;
	}

	private String page(String code, CaseFile file, Procedure procedure, List<KeyingForm.Target> targets, Map<String, String> typed,
			List<Problem> problems, Model model) {
		Locale locale = LocaleContextHolder.getLocale();
		model.addAttribute("code", code);
		model.addAttribute("file", file);
		model.addAttribute("number", new CaseNumber(file.caseNumber()).formatted());
		model.addAttribute("procedureName", procedure.name(locale));
		model.addAttribute("title", messages.getMessage("casework.resolve.title", null, locale));
		model.addAttribute("transition", Move.RESOLVE_KEYING);
		model.addAttribute("action", "/municipalities/" + code + "/cases/" + file.caseNumber() + "/resolve");
		model.addAttribute("form", KeyingForm.of(targets, typed, problems, null, locale, messages));
		model.addAttribute("resolving", true);
		return "casework/key";
	}

	/**
	 * The inputs for the differing paths ({@code data.copies}, {@code data.members[1].name}): the field at that
	 * path, or the whole bank account a differing part belongs to, each once.
	 */
	static List<KeyingForm.Target> targets(Procedure procedure, List<String> conflicts) {
		Map<String, Field> byPath = new LinkedHashMap<>();
		index(procedure.form(), "", byPath);
		Map<String, KeyingForm.Target> targets = new LinkedHashMap<>();
		for (String conflict : conflicts) {
			String name = conflict.startsWith("data.") ? conflict.substring(5) : conflict;
			String flat = name.replaceAll("\\[\\d+]", "[]");
			Field field = byPath.get(flat);
			if (field == null && name.contains(".")) {
				name = name.substring(0, name.lastIndexOf('.'));
				field = byPath.get(name.replaceAll("\\[\\d+]", "[]"));
			}
			if (field != null && field.type() != FieldType.GROUP) {
				targets.putIfAbsent(name, new KeyingForm.Target(field, name));
			}
		}
		return new ArrayList<>(targets.values());
	}

	private static void index(List<Field> fields, String prefix, Map<String, Field> into) {
		for (Field field : fields) {
			into.put(prefix + field.path(), field);
			if (field.type() == FieldType.GROUP) {
				index(field.fields(), prefix + field.path() + "[].", into);
			}
		}
	}
}
