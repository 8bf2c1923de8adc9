package org.madoguchi.casework.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.madoguchi.casework.CaseNumber;
import org.madoguchi.casework.Cases;
import org.madoguchi.casework.Task;
import org.madoguchi.casework.WorkQueues;
import org.madoguchi.casework.Worklists;
import org.madoguchi.japan.InvalidValue;
import org.madoguchi.platform.Caller;
import org.madoguchi.platform.Conflict;
import org.madoguchi.platform.Role;
import org.madoguchi.procedures.Procedures;
import org.madoguchi.procedures.TransitionKind;
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
 * The worklist: the queues the signed-in person may work, with their counts, a "next task" button per
 * queue that claims the most urgent task and opens its screen, and a box to open a case by its number.
 */
@Controller
@PreAuthorize(CasePages.CASEWORKERS)
class WorklistPages {

	static final String CONFLICT_QUEUE = org.madoguchi.casework.WorkQueues.CONFLICTS;
	/** Tasks this person may not do (they keyed round one) are held while looking further, then let go. */
	private static final int LOOK_AHEAD = 20;

	private final Worklists worklists;
	private final WorkQueues queues;
	private final Cases cases;
	private final Procedures procedures;
	private final Municipalities municipalities;
	private final MessageSource messages;

	WorklistPages(Worklists worklists, WorkQueues queues, Cases cases, Procedures procedures, Municipalities municipalities,
			MessageSource messages) {
		this.worklists = worklists;
		this.queues = queues;
		this.cases = cases;
		this.procedures = procedures;
		this.municipalities = municipalities;
		this.messages = messages;
	}

	record QueueRow(String queue, String name, long open, long overdue) {
	}

	/** The menu's entry point: straight to the one municipality in scope, or a choice among several. */
	@GetMapping("/work")
	String choose(Model model) {
		return BoardPage.chooseMunicipality(municipalities, "work", model);
	}

	@GetMapping("/municipalities/{code}/work")
	String worklist(@PathVariable String code, Model model) {
		Locale locale = LocaleContextHolder.getLocale();
		var caller = Caller.current().orElseThrow();
		Map<String, WorkQueues.QueueLoad> load = queues.load(code).stream()
			.collect(Collectors.toMap(WorkQueues.QueueLoad::queue, Function.identity()));
		var rows = new ArrayList<QueueRow>();
		for (String queue : worklists.queuesOf(code, caller)) {
			var counts = load.get(queue);
			rows.add(new QueueRow(queue, queueName(messages, queue, locale), counts == null ? 0 : counts.open(),
					counts == null ? 0 : counts.overdue()));
		}
		model.addAttribute("code", code);
		model.addAttribute("municipality", municipalities.find(code).map(m -> m.name()).orElse(code));
		model.addAttribute("queues", rows);
		model.addAttribute("supervises", caller.hasRole(Role.OPERATOR_SUPERVISOR.name()) || caller.hasRole(Role.MUNICIPAL_OFFICIAL.name()));
		return "casework/worklist";
	}

	/** Claims the next task (of one queue, or the most urgent of all) and opens the screen it needs. */
	@PostMapping("/municipalities/{code}/work/next")
	String next(@PathVariable String code, @RequestParam(required = false) String queue, RedirectAttributes redirect) {
		String chosen = queue == null || queue.isBlank() ? null : queue;
		var caller = Caller.current().orElseThrow();
		List<Task> held = new ArrayList<>();
		try {
			for (int i = 0; i < LOOK_AHEAD; i++) {
				var task = worklists.next(code, chosen);
				if (task.isEmpty()) {
					break;
				}
				var screen = screen(code, task.get(), caller);
				if (screen != null) {
					return "redirect:" + screen;
				}
				held.add(task.get());
			}
		} catch (Conflict e) {
			redirect.addFlashAttribute("problem", "error." + e.problem().code());
			return "redirect:/municipalities/" + code + "/work";
		} finally {
			held.forEach(t -> queues.release(code, t.id()));
		}
		redirect.addFlashAttribute("notice", messages.getMessage("casework.worklist.empty",
				new Object[] { chosen == null ? "" : queueName(messages, chosen, LocaleContextHolder.getLocale()) }, LocaleContextHolder.getLocale()));
		return "redirect:/municipalities/" + code + "/work";
	}

	/** Opens a case by its number as typed (hyphens and full-width digits allowed); the check digit catches typos. */
	@GetMapping("/municipalities/{code}/cases")
	String open(@PathVariable String code, @RequestParam(defaultValue = "") String number, RedirectAttributes redirect) {
		String problem;
		try {
			var parsed = CaseNumber.parse(number.strip());
			if (cases.find(code, parsed.value()).isPresent()) {
				return "redirect:/municipalities/" + code + "/cases/" + parsed.value();
			}
			problem = "error.not_found";
		} catch (InvalidValue e) {
			problem = "error." + e.code();
		}
		redirect.addFlashAttribute("numberProblem", problem);
		redirect.addFlashAttribute("typedNumber", number);
		return "redirect:/municipalities/" + code + "/work";
	}

	/** The screen for a claimed task, or null when this person may not do it. */
	private String screen(String code, Task task, Caller caller) {
		var file = cases.find(code, task.caseNumber()).orElse(null);
		if (file == null) {
			return null;
		}
		String base = "/municipalities/" + code + "/cases/" + file.caseNumber();
		var keyers = TimelineView.keying(cases.timeline(code, file.caseNumber())).keyers();
		if (CONFLICT_QUEUE.equals(task.queue())) {
			return keyers.contains(caller.username()) ? null : base + "/resolve";
		}
		var procedure = procedures.version(code, file.procedureId(), file.procedureVersion()).orElseThrow();
		var keying = procedure.workflow().transitionsFrom(file.state()).stream()
			.filter(t -> t.kind() == TransitionKind.KEYING && t.allowsAnyOf(caller.roles())).findFirst();
		if (keying.isEmpty()) {
			return base;
		}
		if (keying.get().doubleKeying() && keyers.contains(caller.username())) {
			return null;
		}
		return base + "/key?transition=" + keying.get().id();
	}

	static String queueName(MessageSource messages, String queue, Locale locale) {
		return messages.getMessage("casework.queue." + queue, null, queue, locale);
	}
}
