package org.madoguchi.casework.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.madoguchi.casework.CaseFile;
import org.madoguchi.casework.CaseNumber;
import org.madoguchi.casework.CaseTransitions;
import org.madoguchi.casework.Cases;
import org.madoguchi.casework.Move;
import org.madoguchi.casework.ReferencedCases;
import org.madoguchi.documents.IssuedLetters;
import org.madoguchi.platform.Caller;
import org.madoguchi.platform.Conflict;
import org.madoguchi.platform.InvalidInput;
import org.madoguchi.platform.NotFound;
import org.madoguchi.platform.Problem;
import org.madoguchi.procedures.Procedure;
import org.madoguchi.procedures.Procedures;
import org.madoguchi.tenancy.Municipalities;
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
 * The case view: where a case stands, its data (personal values masked), its letters and timeline, and the
 * moves the signed-in person may make — the decision buttons for an official, the deficiency form for a
 * checker, a reason box for the rest. A refused move comes back to this page with the reason shown inline.
 */
@Controller
@PreAuthorize(CasePages.CASEWORKERS)
class CasePages {

	static final String CASEWORKERS =
			"hasAnyRole('OPERATOR_CLERK','OPERATOR_CHECKER','OPERATOR_SUPERVISOR','COUNTER_STAFF','MUNICIPAL_OFFICIAL')";
	static final int MAX_REASON = 500;
	/** Who may open letters (the documents module's rule); others see the list without links. */
	private static final List<String> LETTER_READERS =
			List.of("OPERATOR_CLERK", "OPERATOR_CHECKER", "OPERATOR_SUPERVISOR", "MUNICIPAL_OFFICIAL");

	private final Cases cases;
	private final CaseTransitions transitions;
	private final Procedures procedures;
	private final IssuedLetters letters;
	private final Municipalities municipalities;
	private final MessageSource messages;
	private final ReferencedCases references;

	CasePages(Cases cases, CaseTransitions transitions, Procedures procedures, IssuedLetters letters, Municipalities municipalities,
			MessageSource messages, ReferencedCases references) {
		this.references = references;
		this.cases = cases;
		this.transitions = transitions;
		this.procedures = procedures;
		this.letters = letters;
		this.municipalities = municipalities;
		this.messages = messages;
	}

	@GetMapping("/municipalities/{code}/cases/{caseNumber}")
	String show(@PathVariable String code, @PathVariable String caseNumber, Model model) {
		Locale locale = LocaleContextHolder.getLocale();
		CaseFile file = file(cases, code, caseNumber);
		Procedure procedure = procedures.version(code, file.procedureId(), file.procedureVersion()).orElseThrow();
		var timeline = cases.timeline(code, file.caseNumber());
		var state = procedure.workflow().state(file.state()).orElseThrow();
		model.addAttribute("code", code);
		model.addAttribute("municipality", municipalities.find(code).map(m -> m.name()).orElse(code));
		model.addAttribute("file", file);
		model.addAttribute("number", new CaseNumber(file.caseNumber()).formatted());
		model.addAttribute("procedureName", procedure.name(locale));
		model.addAttribute("stateName", state.name().in(locale));
		model.addAttribute("terminal", state.terminal());
		// a case about another module's record is worked on that record's page, which the case links to
		model.addAttribute("reference", references.of(code, file.caseNumber()).orElse(null));
		model.addAttribute("channel", messages.getMessage("casework.channel." + file.channel(), null, file.channel(), locale));
		model.addAttribute("receivedOn", CaseDataView.date(file.receivedOn(), locale));
		model.addAttribute("dueDate", CaseDataView.date(file.dueDate(), locale));
		model.addAttribute("pausedSince", CaseDataView.date(file.slaPausedSince(), locale));
		model.addAttribute("overdue", file.dueDate() != null && file.slaPausedSince() == null && !state.terminal()
				&& file.dueDate().isBefore(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo"))));
		model.addAttribute("dataRows", CaseDataView.rows(procedure, Cases.data(file), locale, messages));
		model.addAttribute("attachments", procedure.attachments().stream()
			.map(a -> new CaseDataView.Row(a.name().in(locale), a.required() ? messages.getMessage("casework.required", null, locale) : ""))
			.toList());
		model.addAttribute("letters", letters(code, file.caseNumber(), locale));
		model.addAttribute("timeline", TimelineView.rows(timeline, procedure, locale, messages));
		var actions = CaseActionsView.of(code, file, procedure, TimelineView.keying(timeline), Caller.current().orElseThrow(), locale, messages);
		model.addAttribute("actions", actions);
		model.addAttribute("withdrawalFailed", actions.withdrawals().stream().anyMatch(a -> a.transition().equals(model.getAttribute("failed"))));
		model.addAttribute("deficiencyRows", java.util.stream.IntStream.range(0, CaseActionsView.DEFICIENCY_ROWS).boxed().toList());
		model.addAttribute("maxReason", MAX_REASON);
		return "casework/case";
	}

	@PostMapping("/municipalities/{code}/cases/{caseNumber}/transitions")
	String move(@PathVariable String code, @PathVariable String caseNumber, @RequestParam(defaultValue = "") String transition,
			@RequestParam(defaultValue = "") String reason, @RequestParam(required = false) List<String> target,
			@RequestParam(required = false) List<String> cause, RedirectAttributes redirect) {
		Locale locale = LocaleContextHolder.getLocale();
		CaseFile file = file(cases, code, caseNumber);
		Procedure procedure = procedures.version(code, file.procedureId(), file.procedureVersion()).orElseThrow();
		String back = "redirect:/municipalities/" + code + "/cases/" + file.caseNumber();
		List<Problem> problems;
		try {
			var move = new Move(transition, null, reason(reason), deficiencies(target, cause));
			String state = transitions.take(code, file.caseNumber(), move);
			String name = procedure.workflow().transition(transition).map(t -> t.name().in(locale)).orElse(transition);
			redirect.addFlashAttribute("notice", messages.getMessage("casework.moved",
					new Object[] { name, TimelineView.state(procedure, state, locale) }, locale));
			return back;
		} catch (InvalidInput e) {
			problems = e.problems();
		} catch (Conflict e) {
			problems = List.of(e.problem());
		}
		redirect.addFlashAttribute("failed", transition);
		redirect.addFlashAttribute("typedTargets", target == null ? List.of() : target);
		redirect.addFlashAttribute("typedCauses", cause == null ? List.of() : cause);
		redirect.addFlashAttribute("typedReason", reason);
		redirect.addFlashAttribute("actionErrors", problems.stream().map(p -> message(p, locale)).toList());
		return back;
	}

	record LetterRow(String name, String date, String batch, String href) {
	}

	/** The case's letters, each opening as the PDF that was sent (for the roles that may read letters). */
	private List<LetterRow> letters(String code, String caseNumber, Locale locale) {
		var caller = Caller.current().orElseThrow();
		boolean reader = LETTER_READERS.stream().anyMatch(caller::hasRole);
		return letters.ofCase(code, caseNumber).stream().map(l -> new LetterRow(
				messages.getMessage("casework.letter." + l.type().code(), null, l.type().code(), locale), CaseDataView.date(l.date(), locale),
				l.sequence() == null ? null : messages.getMessage("casework.letter.sequence", new Object[] { l.batchId(), l.sequence() }, locale),
				reader ? "/municipalities/" + code + "/letters/" + l.id() + ".pdf" : null)).toList();
	}

	/** A case by the number in the URL; a mistyped number is simply not found. */
	static CaseFile file(Cases cases, String code, String caseNumber) {
		try {
			return cases.get(code, caseNumber);
		} catch (InvalidInput e) {
			throw new NotFound("caseNumber");
		}
	}

	private static String reason(String typed) {
		String reason = typed.strip();
		if (reason.codePointCount(0, reason.length()) > MAX_REASON) {
			throw new InvalidInput("reason", "too_long", MAX_REASON);
		}
		if (reason.chars().anyMatch(Character::isISOControl)) {
			throw new InvalidInput("reason", "control_characters");
		}
		return reason.isEmpty() ? null : reason;
	}

	/** Rows of the deficiency form as (field or attachment, reason code); rows left empty are skipped. */
	private static List<Move.Deficiency> deficiencies(List<String> targets, List<String> causes) {
		if (targets == null && causes == null) {
			return null;
		}
		var found = new ArrayList<Move.Deficiency>();
		var problems = new InvalidInput.Collector();
		int rows = Math.max(targets == null ? 0 : targets.size(), causes == null ? 0 : causes.size());
		for (int i = 0; i < rows; i++) {
			String path = targets == null || i >= targets.size() ? "" : targets.get(i).strip();
			String reason = causes == null || i >= causes.size() ? "" : causes.get(i).strip();
			if (path.isEmpty() && reason.isEmpty()) {
				continue;
			}
			if (path.isEmpty() || reason.isEmpty()) {
				problems.add(path.isEmpty() ? "target" : "cause", "required");
			}
			found.add(new Move.Deficiency(path, reason));
		}
		problems.throwIfAny();
		return found;
	}

	private String message(Problem problem, Locale locale) {
		String text = messages.getMessage("error." + problem.code(), problem.arguments(), problem.code(), locale);
		String where = messages.getMessage("casework.path." + problem.path().replaceAll("\\[\\d+]", "").replaceAll("\\..*", ""), null, "",
				locale);
		return where.isEmpty() ? text : where + "：" + text;
	}
}
