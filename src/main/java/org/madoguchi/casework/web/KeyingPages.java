package org.madoguchi.casework.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.madoguchi.casework.CaseFile;
import org.madoguchi.casework.CaseNumber;
import org.madoguchi.casework.CaseTransitions;
import org.madoguchi.casework.Cases;
import org.madoguchi.casework.Move;
import org.madoguchi.platform.Caller;
import org.madoguchi.platform.Conflict;
import org.madoguchi.platform.InvalidInput;
import org.madoguchi.platform.Problem;
import org.madoguchi.procedures.Procedure;
import org.madoguchi.procedures.Procedures;
import org.madoguchi.procedures.Transition;
import org.madoguchi.procedures.TransitionKind;
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
 * The keying screen: every field of the form in order, typed from the paper with the keyboard alone (Tab
 * moves on, Enter submits from any text input). It starts empty every time, so a second keyer never sees the
 * first one's values; after an error the typed values stay and the focus goes to the first field in error.
 */
@Controller
@PreAuthorize(CasePages.CASEWORKERS)
class KeyingPages {

	private final Cases cases;
	private final CaseTransitions transitions;
	private final Procedures procedures;
	private final MessageSource messages;

	KeyingPages(Cases cases, CaseTransitions transitions, Procedures procedures, MessageSource messages) {
		this.cases = cases;
		this.transitions = transitions;
		this.procedures = procedures;
		this.messages = messages;
	}

	@GetMapping("/municipalities/{code}/cases/{caseNumber}/key")
	String form(@PathVariable String code, @PathVariable String caseNumber, @RequestParam(required = false) String transition, Model model,
			RedirectAttributes redirect) {
		CaseFile file = CasePages.file(cases, code, caseNumber);
		Procedure procedure = procedures.version(code, file.procedureId(), file.procedureVersion()).orElseThrow();
		var keying = keying(file, procedure, transition);
		if (keying.isEmpty()) {
			return refused(code, file, redirect, "transition", "wrong_state");
		}
		var caller = Caller.current().orElseThrow();
		if (!keying.get().allowsAnyOf(caller.roles())) {
			return refused(code, file, redirect, "transition", "transition_not_allowed");
		}
		if (keying.get().doubleKeying() && TimelineView.keying(cases.timeline(code, file.caseNumber())).keyers().contains(caller.username())) {
			return refused(code, file, redirect, "transition", "same_keyer");
		}
		return page(code, file, procedure, keying.get(), Map.of(), List.of(), null, model);
	}

	@PostMapping("/municipalities/{code}/cases/{caseNumber}/key")
	String key(@PathVariable String code, @PathVariable String caseNumber, @RequestParam Map<String, String> typed, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		Locale locale = LocaleContextHolder.getLocale();
		CaseFile file = CasePages.file(cases, code, caseNumber);
		Procedure procedure = procedures.version(code, file.procedureId(), file.procedureVersion()).orElseThrow();
		var keying = keying(file, procedure, typed.get("_transition"));
		if (keying.isEmpty()) {
			return refused(code, file, redirect, "transition", "wrong_state");
		}
		if (typed.containsKey("_add")) {
			return page(code, file, procedure, keying.get(), typed, List.of(), typed.get("_add"), model);
		}
		List<Problem> problems;
		try {
			transitions.take(code, file.caseNumber(), new Move(keying.get().id(), KeyedValuesForm.whole(procedure.form(), typed), null, null));
			redirect.addFlashAttribute("notice", outcome(code, file.caseNumber(), locale));
			redirect.addFlashAttribute("nextQueue", procedure.workflow().state(file.state()).map(s -> s.queue()).orElse(null));
			return "redirect:/municipalities/" + code + "/cases/" + file.caseNumber();
		} catch (InvalidInput e) {
			problems = e.problems();
		} catch (Conflict e) {
			problems = List.of(e.problem());
		}
		response.setStatus(422);
		return page(code, file, procedure, keying.get(), typed, problems, null, model);
	}

	/** What became of a keying: round one waits for the second, a disagreement for a checker, agreement moves on. */
	private String outcome(String code, String caseNumber, Locale locale) {
		var timeline = cases.timeline(code, caseNumber);
		var keying = TimelineView.keying(timeline);
		String key = keying.pending() ? "casework.keying.done-conflict"
				: timeline.getLast().kind().equals("keyed") && keying.keyers().size() == 1 ? "casework.keying.done-first" : "casework.keying.done";
		return messages.getMessage(key, null, locale);
	}

	private String page(String code, CaseFile file, Procedure procedure, Transition transition, Map<String, String> typed,
			List<Problem> problems, String added, Model model) {
		Locale locale = LocaleContextHolder.getLocale();
		var targets = procedure.form().stream().map(f -> new KeyingForm.Target(f, f.path())).toList();
		model.addAttribute("code", code);
		model.addAttribute("file", file);
		model.addAttribute("number", new CaseNumber(file.caseNumber()).formatted());
		model.addAttribute("procedureName", procedure.name(locale));
		model.addAttribute("title", transition.name().in(locale));
		model.addAttribute("transition", transition.id());
		model.addAttribute("action", "/municipalities/" + code + "/cases/" + file.caseNumber() + "/key");
		model.addAttribute("form", KeyingForm.of(targets, typed, problems, added, locale, messages));
		model.addAttribute("resolving", false);
		return "casework/key";
	}

	/** The keying transition leaving the case's state: the one asked for, or the first there is. */
	static Optional<Transition> keying(CaseFile file, Procedure procedure, String asked) {
		return procedure.workflow().transitionsFrom(file.state()).stream().filter(t -> t.kind() == TransitionKind.KEYING)
			.filter(t -> asked == null || asked.isBlank() || t.id().equals(asked)).findFirst();
	}

	static String refused(String code, CaseFile file, RedirectAttributes redirect, String path, String problem) {
		redirect.addFlashAttribute("problem", "error." + problem);
		return "redirect:/municipalities/" + code + "/cases/" + file.caseNumber();
	}
}
