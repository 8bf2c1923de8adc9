package org.madoguchi.benefits.web;

import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

import jakarta.servlet.http.HttpServletResponse;

import org.madoguchi.benefits.ApplicationCursor;
import org.madoguchi.benefits.ApplicationRecords;
import org.madoguchi.benefits.BenefitProgrammes;
import org.madoguchi.benefits.Corrections;
import org.madoguchi.benefits.ListPosition;
import org.madoguchi.benefits.SuspectedDuplicates;
import org.madoguchi.platform.Conflict;
import org.madoguchi.platform.InvalidInput;
import org.madoguchi.platform.Problem;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The applications a person must settle, one list each: suspected duplicates (opened side by side with the
 * live application, refused or let replace it with a stated reason), deficiencies and returned transfers (each
 * opened on its application page, where the new account is keyed), and applications waiting in "checking" to
 * be confirmed. After each decision the list comes back with the next one at the top. Each list is read a page
 * at a time, oldest first, with the count of the whole list, so a worker sees how much waits and reaches all of it.
 */
@Controller
class ExceptionPages {

	private final ApplicationRecords records;
	private final BenefitProgrammes programmes;
	private final SuspectedDuplicates duplicates;
	private final Corrections corrections;
	private final MessageSource messages;

	ExceptionPages(ApplicationRecords records, BenefitProgrammes programmes, SuspectedDuplicates duplicates, Corrections corrections,
			MessageSource messages) {
		this.records = records;
		this.programmes = programmes;
		this.duplicates = duplicates;
		this.corrections = corrections;
		this.messages = messages;
	}

	record Row(long id, String number, String href, String channel, String receivedOn, String status, List<String> problems, String amount) {
	}

	@GetMapping("/municipalities/{code}/benefits/{programmeId}/duplicates")
	String duplicates(@PathVariable String code, @PathVariable String programmeId, ListRequest request, Model model,
			HttpServletResponse response) {
		if (!BenefitViews.may(BenefitViews.DUPLICATE_READERS)) {
			return BenefitViews.forbidden(model, response);
		}
		return list(code, programmeId, "duplicates", List.of("duplicate"), request, model, response);
	}

	@GetMapping("/municipalities/{code}/benefits/{programmeId}/corrections")
	String corrections(@PathVariable String code, @PathVariable String programmeId, ListRequest request, Model model,
			HttpServletResponse response) {
		if (!BenefitViews.may(BenefitViews.CASE_READERS)) {
			return BenefitViews.forbidden(model, response);
		}
		return list(code, programmeId, "corrections", List.of("correction-needed", "returned"), request, model, response);
	}

	@GetMapping("/municipalities/{code}/benefits/{programmeId}/checking")
	String checking(@PathVariable String code, @PathVariable String programmeId, ListRequest request, Model model,
			HttpServletResponse response) {
		if (!BenefitViews.may(BenefitViews.CASE_READERS)) {
			return BenefitViews.forbidden(model, response);
		}
		model.addAttribute("mayConfirm", BenefitViews.may(BenefitViews.CHECKERS));
		return list(code, programmeId, "checking", List.of("checking"), request, model, response);
	}

	/** Which page of a list the address asks for: the pages' own links write {@code after} or {@code before}. */
	record ListRequest(String after, String before, String size) {
	}

	private String list(String code, String programmeId, String kind, List<String> statuses, ListRequest request, Model model,
			HttpServletResponse response) {
		Locale locale = LocaleContextHolder.getLocale();
		String base = BenefitViews.base(code, programmeId);
		ListPosition position;
		try {
			position = ListPosition.of(request.after(), request.before(), request.size());
		} catch (InvalidInput e) {
			// not a link these pages wrote (typed, or cut short): say so, and show the list from its start anyway
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("problem", messages.getMessage("benefits.exceptions.bad-position", null, locale));
			position = ListPosition.first(ListPosition.MAX_SIZE);
		}
		var page = records.inStatus(code, programmeId, statuses, position);
		var rows = page.items().stream().map(a -> new Row(a.id(), a.formattedNumber(),
				kind.equals("duplicates") ? base + "/duplicates/" + a.id() : base + "/applications/" + a.applicationNumber(),
				BenefitViews.channel(messages, a.channel(), locale), BenefitViews.date(a.receivedOn(), locale),
				BenefitViews.status(messages, a.status(), locale), BenefitViews.problems(messages, a, locale),
				BenefitViews.yen(a.amount(), locale))).toList();
		String list = base + "/" + kind;
		int size = position.size();
		model.addAttribute("code", code);
		model.addAttribute("base", base);
		model.addAttribute("programme", programmes.get(code, programmeId));
		model.addAttribute("kind", kind);
		model.addAttribute("rows", rows);
		model.addAttribute("total", page.total());
		model.addAttribute("firstShown", page.before() + 1);
		model.addAttribute("lastShown", page.before() + rows.size());
		// from the second page, "previous" is already the first page
		model.addAttribute("firstPage", page.before() > size ? link(list, null, null, size) : null);
		model.addAttribute("previousPage", page.previous().map(c -> link(list, "before", c, size)).orElse(null));
		model.addAttribute("nextPage", page.next().map(c -> link(list, "after", c, size)).orElse(null));
		return "benefits/exceptions";
	}

	/** Another page of the list; a size other than the usual one is kept. The cursor's text needs no escaping. */
	private static String link(String list, String parameter, ApplicationCursor cursor, int size) {
		var query = new StringJoiner("&", "?", "").setEmptyValue("");
		if (cursor != null) {
			query.add(parameter + "=" + cursor);
		}
		if (size != ListPosition.MAX_SIZE) {
			query.add("size=" + size);
		}
		return list + query;
	}

	/** A checker confirms an application that passed the automatic checks; the list comes back without it. */
	@PostMapping("/municipalities/{code}/benefits/{programmeId}/applications/{applicationNumber}/check")
	String confirm(@PathVariable String code, @PathVariable String programmeId, @PathVariable String applicationNumber,
			@RequestParam(defaultValue = "") String back, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Locale locale = LocaleContextHolder.getLocale();
		var number = BenefitViews.number(applicationNumber);
		String base = BenefitViews.base(code, programmeId);
		String target = "application".equals(back) ? base + "/applications/" + number.value() : base + "/checking";
		try {
			corrections.confirmChecked(code, programmeId, number.value());
			redirect.addFlashAttribute("notice", messages.getMessage("benefits.checking.done", new Object[] { number.formatted() }, locale));
		} catch (Conflict e) {
			if (e.status() == 403) {
				return BenefitViews.forbidden(model, response);
			}
			redirect.addFlashAttribute("problem", BenefitViews.refusal(messages, e.problem(), locale));
		}
		return "redirect:" + target;
	}

	@GetMapping("/municipalities/{code}/benefits/{programmeId}/duplicates/{id}")
	String duplicate(@PathVariable String code, @PathVariable String programmeId, @PathVariable long id, Model model,
			HttpServletResponse response) {
		if (!BenefitViews.may(BenefitViews.DUPLICATE_READERS)) {
			return BenefitViews.forbidden(model, response);
		}
		return pair(code, programmeId, id, model);
	}

	@PostMapping("/municipalities/{code}/benefits/{programmeId}/duplicates/{id}")
	String decide(@PathVariable String code, @PathVariable String programmeId, @PathVariable long id,
			@RequestParam(defaultValue = "") String decision, @RequestParam(defaultValue = "") String reason, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Locale locale = LocaleContextHolder.getLocale();
		if (!BenefitViews.may(BenefitViews.CHECKERS)) {
			return BenefitViews.forbidden(model, response);
		}
		List<Problem> problems;
		try {
			String outcome = duplicates.decide(code, programmeId, id, decision, BenefitViews.reason(reason));
			redirect.addFlashAttribute("notice", messages.getMessage("benefits.duplicate.done." + decision,
					new Object[] { BenefitViews.status(messages, outcome, locale) }, locale));
			return "redirect:" + BenefitViews.base(code, programmeId) + "/duplicates";
		} catch (InvalidInput e) {
			problems = e.problems();
		} catch (Conflict e) {
			if (e.status() == 403) {
				return BenefitViews.forbidden(model, response);
			}
			problems = List.of(e.problem());
		}
		response.setStatus(422);
		model.addAttribute("errors", problems.stream().map(p -> BenefitViews.refusal(messages, p, locale)).toList());
		model.addAttribute("typedReason", reason);
		model.addAttribute("typedDecision", decision);
		return pair(code, programmeId, id, model);
	}

	record Side(String number, String status, String channel, String receivedOn, String declined, String amount, String account,
			String holder, String phone, List<String> problems, String href) {
	}

	private String pair(String code, String programmeId, long id, Model model) {
		Locale locale = LocaleContextHolder.getLocale();
		var pair = records.duplicate(code, programmeId, id);
		String base = BenefitViews.base(code, programmeId);
		model.addAttribute("code", code);
		model.addAttribute("base", base);
		model.addAttribute("programme", programmes.get(code, programmeId));
		model.addAttribute("id", id);
		model.addAttribute("persons", pair.persons());
		model.addAttribute("held", side(pair.held(), base, locale));
		model.addAttribute("live", pair.live().map(a -> side(a, base, locale)).orElse(null));
		model.addAttribute("mayDecide", BenefitViews.may(BenefitViews.CHECKERS));
		model.addAttribute("maxReason", BenefitViews.MAX_REASON);
		return "benefits/duplicate";
	}

	private Side side(ApplicationRecords.Application a, String base, Locale locale) {
		return new Side(a.formattedNumber(), BenefitViews.status(messages, a.status(), locale), BenefitViews.channel(messages, a.channel(), locale),
				BenefitViews.date(a.receivedOn(), locale), messages.getMessage("benefits.declined-count", new Object[] { a.declined().size() }, locale),
				BenefitViews.yen(a.amount(), locale), BenefitViews.account(messages, a, locale), a.holderKana() == null ? "" : a.holderKana(),
				a.phoneMasked() == null ? "" : a.phoneMasked(), BenefitViews.problems(messages, a, locale),
				base + "/applications/" + a.applicationNumber());
	}
}
