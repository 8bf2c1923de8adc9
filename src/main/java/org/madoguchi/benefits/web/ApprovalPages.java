package org.madoguchi.benefits.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.madoguchi.benefits.Approvals;
import org.madoguchi.benefits.BenefitProgrammes;
import org.madoguchi.platform.Conflict;
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
 * The city's approval, the municipal official's page: the count and total of the checked applications first,
 * then a confirmation that sends back exactly those two figures, so that {@link Approvals#approveAll} refuses
 * (409) when anything arrived or changed in between and the official is shown the new figures instead. Other
 * roles get the 403 page, as the service would refuse them anyway.
 */
@Controller
class ApprovalPages {

	private final Approvals approvals;
	private final BenefitProgrammes programmes;
	private final MessageSource messages;

	ApprovalPages(Approvals approvals, BenefitProgrammes programmes, MessageSource messages) {
		this.approvals = approvals;
		this.programmes = programmes;
		this.messages = messages;
	}

	@GetMapping("/municipalities/{code}/benefits/{programmeId}/approval")
	String page(@PathVariable String code, @PathVariable String programmeId, Model model, HttpServletResponse response) {
		if (!BenefitViews.may(Role.MUNICIPAL_OFFICIAL)) {
			return BenefitViews.forbidden(model, response);
		}
		return show(code, programmeId, model);
	}

	@PostMapping("/municipalities/{code}/benefits/{programmeId}/approval")
	String approve(@PathVariable String code, @PathVariable String programmeId, @RequestParam(defaultValue = "-1") long count,
			@RequestParam(defaultValue = "-1") long total, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Locale locale = LocaleContextHolder.getLocale();
		if (!BenefitViews.may(Role.MUNICIPAL_OFFICIAL)) {
			return BenefitViews.forbidden(model, response);
		}
		try {
			var approved = approvals.approveAll(code, programmeId, new Approvals.Batch(count, total));
			redirect.addFlashAttribute("notice", messages.getMessage("benefits.approval.done",
					new Object[] { BenefitViews.count(approved.count()), BenefitViews.yen(approved.total(), locale) }, locale));
			return "redirect:" + BenefitViews.base(code, programmeId);
		} catch (Conflict e) {
			if (e.status() == 403) {
				return BenefitViews.forbidden(model, response);
			}
			response.setStatus(e.status());
			model.addAttribute("conflict", messages.getMessage("error." + e.problem().code(), null, e.problem().code(), locale));
			model.addAttribute("seenCount", BenefitViews.count(Math.max(count, 0)));
			model.addAttribute("seenTotal", BenefitViews.yen(Math.max(total, 0), locale));
			return show(code, programmeId, model);
		}
	}

	private String show(String code, String programmeId, Model model) {
		Locale locale = LocaleContextHolder.getLocale();
		var programme = programmes.get(code, programmeId);
		var pending = approvals.pending(code, programmeId);
		model.addAttribute("code", code);
		model.addAttribute("base", BenefitViews.base(code, programmeId));
		model.addAttribute("programme", programme);
		model.addAttribute("count", pending.count());
		model.addAttribute("total", pending.total());
		model.addAttribute("countText", BenefitViews.count(pending.count()));
		model.addAttribute("totalText", BenefitViews.yen(pending.total(), locale));
		return "benefits/approval";
	}
}
