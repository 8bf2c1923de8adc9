package org.madoguchi.benefits.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.madoguchi.benefits.DeficiencyNotices;
import org.madoguchi.platform.Conflict;
import org.madoguchi.platform.Role;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Deficiency notices on the programme page: the operator makes today's batch and downloads the print vendor's
 * file ({@link NoticeCsv}); the city's officials and auditors see the batches but make no mailings.
 */
@Controller
class NoticePages {

	static final Role[] MAKERS = { Role.OPERATOR_CLERK, Role.OPERATOR_CHECKER, Role.OPERATOR_SUPERVISOR };

	/** A batch as the programme page lists it; {@code fileHref} only for those who may download it. */
	record NoticeRow(long id, String createdAt, String createdBy, String count, String fileHref) {
	}

	private final DeficiencyNotices notices;
	private final MessageSource messages;

	NoticePages(DeficiencyNotices notices, MessageSource messages) {
		this.notices = notices;
		this.messages = messages;
	}

	/** For the programme page. */
	static List<NoticeRow> rows(DeficiencyNotices notices, String code, String programmeId, Locale locale) {
		boolean mayDownload = BenefitViews.may(MAKERS);
		return notices.batches(code, programmeId).stream()
			.map(b -> new NoticeRow(b.id(), BenefitViews.date(b.createdAt().toLocalDate(), locale), b.createdBy(), BenefitViews.count(b.count()),
					mayDownload ? BenefitViews.base(code, programmeId) + "/notices/" + b.id() + ".csv" : null))
			.toList();
	}

	@PostMapping("/municipalities/{code}/benefits/{programmeId}/notices")
	String issue(@PathVariable String code, @PathVariable String programmeId, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		Locale locale = LocaleContextHolder.getLocale();
		return PageStep.answer(messages, BenefitViews.base(code, programmeId) + "#notices", model, response, redirect,
				() -> messages.getMessage("benefits.notices.issued", new Object[] { BenefitViews.count(notices.issue(code, programmeId).count()) },
						locale));
	}

	/**
	 * The vendor's file; a refused role gets the 403 page (the refusal comes before anything is written). A null
	 * ModelAndView tells Spring the response is complete.
	 */
	@GetMapping("/municipalities/{code}/benefits/{programmeId}/notices/{batchId}.csv")
	ModelAndView file(@PathVariable String code, @PathVariable String programmeId, @PathVariable long batchId, Model model,
			HttpServletResponse response) throws IOException {
		try {
			NoticeCsv.answer(notices, messages, code, programmeId, batchId, response);
			return null;
		} catch (Conflict e) {
			if (e.status() == 403) {
				return new ModelAndView(BenefitViews.forbidden(model, response), model.asMap());
			}
			throw e;
		}
	}
}
