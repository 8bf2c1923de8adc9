package org.madoguchi.benefits.web;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.madoguchi.platform.Conflict;
import org.madoguchi.platform.InvalidInput;
import org.madoguchi.platform.Problem;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A button on the programme page that runs one service call: what was done, or why not, shown back on the page;
 * a role the service refuses gets the 403 page instead.
 */
@FunctionalInterface
interface PageStep {

	/** Does the work; answers the sentence that says what was done. */
	String run();

	/** Runs the step and answers the redirect back to {@code page} (or the 403 page). */
	static String answer(MessageSource messages, String page, Model model, HttpServletResponse response, RedirectAttributes redirect,
			PageStep step) {
		Locale locale = LocaleContextHolder.getLocale();
		try {
			redirect.addFlashAttribute("notice", step.run());
		} catch (Conflict e) {
			if (e.status() == 403) {
				return BenefitViews.forbidden(model, response);
			}
			redirect.addFlashAttribute("notice", BenefitViews.refusal(messages, e.problem(), locale));
		} catch (InvalidInput e) {
			redirect.addFlashAttribute("notice", refusals(messages, e.problems(), locale));
		}
		return "redirect:" + page;
	}

	private static String refusals(MessageSource messages, List<Problem> problems, Locale locale) {
		return problems.stream().map(p -> BenefitViews.refusal(messages, p, locale)).collect(Collectors.joining(" "));
	}
}
