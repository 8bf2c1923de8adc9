package org.madoguchi.portal.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every portal page's frame needs: the language tag for {@code <html lang>} (zh-CN, not just zh, so
 * that screen readers pick the right voice) and the language links, which keep the municipality the page was
 * opened for. Only a well-formed code is carried over into a link.
 */
@ControllerAdvice(assignableTypes = { StatusPages.class, ApplicationPages.class, CorrectionPages.class })
class PortalPageModel {

	private final PortalText text;

	PortalPageModel(PortalText text) {
		this.text = text;
	}

	@ModelAttribute
	void frame(Model model, HttpServletRequest request) {
		Locale locale = LocaleContextHolder.getLocale();
		String municipality = request.getParameter("municipality");
		String path = request.getRequestURI().substring(request.getContextPath().length());
		model.addAttribute("htmlLang", locale.toLanguageTag());
		model.addAttribute("languages", text.languages(locale, request.getContextPath() + path,
				municipality != null && municipality.matches("[0-9]{6}") ? municipality : null));
	}
}
