package org.madoguchi.benefits.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.madoguchi.benefits.ApplicationNumber;
import org.madoguchi.benefits.ApplicationRecords;
import org.madoguchi.benefits.BenefitProgrammes;
import org.madoguchi.benefits.Corrections;
import org.madoguchi.platform.Conflict;
import org.madoguchi.platform.InvalidInput;
import org.madoguchi.platform.Problem;
import org.madoguchi.platform.Role;
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
 * One household's application by its form's number, the address casework cases link to: status, channel, the
 * members as registered with who declined, the amount, the account (masked), what is wrong in plain words, and
 * the moves the signed-in person may make. Showing the members is an audited read; the account a resident sends
 * after a deficiency or a returned transfer is keyed here.
 */
@Controller
class BenefitApplicationPages {

	private static final List<String> ACCOUNT_FIELDS = List.of("bank_code", "branch_code", "account_type", "account_number",
			"account_holder_kana");

	private final ApplicationRecords records;
	private final BenefitProgrammes programmes;
	private final Corrections corrections;
	private final MessageSource messages;

	BenefitApplicationPages(ApplicationRecords records, BenefitProgrammes programmes, Corrections corrections, MessageSource messages) {
		this.records = records;
		this.programmes = programmes;
		this.corrections = corrections;
		this.messages = messages;
	}

	@GetMapping("/municipalities/{code}/benefits/{programmeId}/applications/{applicationNumber}")
	String show(@PathVariable String code, @PathVariable String programmeId, @PathVariable String applicationNumber, Model model,
			HttpServletResponse response) {
		if (!BenefitViews.may(BenefitViews.CASE_READERS)) {
			return BenefitViews.forbidden(model, response);
		}
		return page(code, programmeId, BenefitViews.number(applicationNumber), Map.of(), Map.of(), List.of(), model);
	}

	/** Opens an application by its number as typed (hyphens and full-width digits allowed); the check digit catches typos. */
	@GetMapping("/municipalities/{code}/benefits/{programmeId}/applications")
	String open(@PathVariable String code, @PathVariable String programmeId, @RequestParam(defaultValue = "") String number,
			RedirectAttributes redirect) {
		try {
			return "redirect:" + BenefitViews.base(code, programmeId) + "/applications/" + ApplicationNumber.parse(number).value();
		} catch (org.madoguchi.japan.InvalidValue e) {
			redirect.addFlashAttribute("numberProblem", messages.getMessage("error." + e.code(), null, e.code(),
					LocaleContextHolder.getLocale()));
			return "redirect:" + BenefitViews.base(code, programmeId);
		}
	}

	/** The account the resident sent, keyed by the back office (the API's roles); a wrong one is shown field by field. */
	@PostMapping("/municipalities/{code}/benefits/{programmeId}/applications/{applicationNumber}/account")
	String correct(@PathVariable String code, @PathVariable String programmeId, @PathVariable String applicationNumber,
			@RequestParam Map<String, String> typed, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Locale locale = LocaleContextHolder.getLocale();
		if (!BenefitViews.may(BenefitViews.ACCOUNT_KEYERS)) {
			return BenefitViews.forbidden(model, response);
		}
		var number = BenefitViews.number(applicationNumber);
		List<Problem> problems;
		try {
			String status = corrections.correctAccount(code, programmeId, number.value(), new Corrections.NewAccount(typed.get("bank_code"),
					typed.get("branch_code"), typed.get("account_type"), typed.get("account_number"), typed.get("account_holder_kana")));
			redirect.addFlashAttribute("notice", messages.getMessage("benefits.account.done",
					new Object[] { BenefitViews.status(messages, status, locale) }, locale));
			return "redirect:" + BenefitViews.base(code, programmeId) + "/applications/" + number.value();
		} catch (InvalidInput e) {
			problems = e.problems();
		} catch (Conflict e) {
			problems = List.of(e.problem());
		}
		response.setStatus(422);
		var fieldErrors = new LinkedHashMap<String, String>();
		for (var problem : problems) {
			fieldErrors.putIfAbsent(problem.path(), messages.getMessage("error." + problem.code(), problem.arguments(), problem.code(), locale));
		}
		var summary = problems.stream().map(p -> BenefitViews.refusal(messages, p, locale)).toList();
		return page(code, programmeId, number, typed, fieldErrors, summary, model);
	}

	record MemberRow(String name, String kana, String relationship, boolean head, boolean declined) {
	}

	record Other(long id, String number, String status, String channel, String receivedOn, String href) {
	}

	private String page(String code, String programmeId, ApplicationNumber number, Map<String, String> typed, Map<String, String> fieldErrors,
			List<String> errors, Model model) {
		Locale locale = LocaleContextHolder.getLocale();
		var programme = programmes.get(code, programmeId);
		var file = records.household(code, programmeId, number);
		String base = BenefitViews.base(code, programmeId);
		var current = file.current().orElse(null);
		var declined = current == null ? List.<String>of() : current.declined();
		model.addAttribute("code", code);
		model.addAttribute("base", base);
		model.addAttribute("programme", programme);
		model.addAttribute("number", number.formatted());
		model.addAttribute("numberValue", number.value());
		model.addAttribute("persons", file.persons());
		model.addAttribute("members", file.members().stream().map(m -> new MemberRow(m.name(), m.nameKana(), m.relationship(), m.head(),
				declined.contains(m.residentId()))).toList());
		model.addAttribute("app", current);
		if (current != null) {
			model.addAttribute("status", BenefitViews.status(messages, current.status(), locale));
			model.addAttribute("channel", BenefitViews.channel(messages, current.channel(), locale));
			model.addAttribute("receivedOn", BenefitViews.date(current.receivedOn(), locale));
			model.addAttribute("amount", BenefitViews.yen(current.amount(), locale));
			model.addAttribute("account", BenefitViews.account(messages, current, locale));
			model.addAttribute("transferDate", BenefitViews.date(current.transferDate(), locale));
			model.addAttribute("problems", BenefitViews.problems(messages, current, locale));
			boolean needsAccount = current.status().equals("correction-needed") || current.status().equals("returned");
			model.addAttribute("accountForm", needsAccount && BenefitViews.may(BenefitViews.ACCOUNT_KEYERS));
			model.addAttribute("confirmForm", current.status().equals("checking") && BenefitViews.may(BenefitViews.CHECKERS));
			model.addAttribute("approvalLink", current.status().equals("checked") && BenefitViews.may(Role.MUNICIPAL_OFFICIAL));
			model.addAttribute("duplicateLink", current.status().equals("duplicate") && BenefitViews.may(BenefitViews.DUPLICATE_READERS)
					? base + "/duplicates/" + current.id() : null);
		}
		model.addAttribute("others", file.applications().stream().skip(1).map(a -> new Other(a.id(), a.formattedNumber(),
				BenefitViews.status(messages, a.status(), locale), BenefitViews.channel(messages, a.channel(), locale),
				BenefitViews.date(a.receivedOn(), locale),
				a.status().equals("duplicate") && BenefitViews.may(BenefitViews.DUPLICATE_READERS) ? base + "/duplicates/" + a.id() : null))
			.toList());
		model.addAttribute("accountFields", ACCOUNT_FIELDS);
		model.addAttribute("accountTypes", List.of("1", "2", "4"));
		model.addAttribute("typed", typed);
		model.addAttribute("fieldErrors", fieldErrors);
		model.addAttribute("errors", errors);
		return "benefits/application";
	}
}
