package org.madoguchi.casework.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.madoguchi.casework.CaseList;
import org.madoguchi.casework.CaseNumber;
import org.madoguchi.casework.WorkQueues;
import org.madoguchi.platform.TenantScope;
import org.madoguchi.procedures.Procedures;
import org.madoguchi.tenancy.Municipalities;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The supervisor's board: backlog per queue (open, claimed, overdue, earliest due date) and the overdue cases. */
@Controller
@PreAuthorize(BoardPage.SUPERVISORS)
class BoardPage {

	static final String SUPERVISORS = "hasAnyRole('OPERATOR_SUPERVISOR','MUNICIPAL_OFFICIAL','ADMIN')";
	private static final int OVERDUE_SHOWN = 50;

	private final WorkQueues queues;
	private final CaseList list;
	private final Procedures procedures;
	private final Municipalities municipalities;
	private final MessageSource messages;

	BoardPage(WorkQueues queues, CaseList list, Procedures procedures, Municipalities municipalities, MessageSource messages) {
		this.queues = queues;
		this.list = list;
		this.procedures = procedures;
		this.municipalities = municipalities;
		this.messages = messages;
	}

	record QueueRow(String name, long open, long claimed, long unclaimed, long overdue, String earliestDue, boolean late) {
	}

	record OverdueRow(String caseNumber, String number, String procedure, String state, String dueDate, long daysLate) {
	}

	@GetMapping("/board")
	String choose(Model model) {
		return chooseMunicipality(municipalities, "board", model);
	}

	@GetMapping("/municipalities/{code}/board")
	String board(@PathVariable String code, Model model) {
		Locale locale = LocaleContextHolder.getLocale();
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
		var rows = queues.load(code).stream().map(q -> new QueueRow(WorklistPages.queueName(messages, q.queue(), locale), q.open(),
				q.claimed(), q.open() - q.claimed(), q.overdue(), CaseDataView.date(q.earliestDue(), locale),
				q.earliestDue() != null && q.earliestDue().isBefore(today))).toList();
		var overdue = list.find(code, new CaseList.Filter(null, null, true, null, null, null), 0, OVERDUE_SHOWN);
		var procedureNames = new java.util.HashMap<String, org.madoguchi.procedures.Procedure>();
		procedures.all(code).forEach(p -> procedureNames.put(p.id(), p));
		List<OverdueRow> late = overdue.items().stream().map(item -> {
			var procedure = procedureNames.get(item.procedure());
			return new OverdueRow(item.caseNumber(), new CaseNumber(item.caseNumber()).formatted(),
					procedure == null ? item.procedure() : procedure.name(locale),
					procedure == null ? item.state() : TimelineView.state(procedure, item.state(), locale), CaseDataView.date(item.dueDate(), locale),
					item.dueDate() == null ? 0 : java.time.temporal.ChronoUnit.DAYS.between(item.dueDate(), today));
		}).toList();
		model.addAttribute("code", code);
		model.addAttribute("municipality", municipalities.find(code).map(m -> m.name()).orElse(code));
		model.addAttribute("queues", rows);
		model.addAttribute("overdueTotal", overdue.total());
		model.addAttribute("overdue", late);
		model.addAttribute("today", CaseDataView.date(today, locale));
		return "casework/board";
	}

	/** A page of the given kind for the one municipality in scope, or the list to pick one from. */
	static String chooseMunicipality(Municipalities municipalities, String page, Model model) {
		var inScope = municipalities.among(TenantScope.current());
		if (inScope.size() == 1) {
			return "redirect:/municipalities/" + inScope.get(0).code() + "/" + page;
		}
		model.addAttribute("page", page);
		model.addAttribute("municipalities", inScope);
		return "casework/choose";
	}
}
