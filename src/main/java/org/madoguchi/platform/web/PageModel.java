package org.madoguchi.platform.web;

import jakarta.servlet.http.HttpServletRequest;

import org.madoguchi.platform.Caller;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.http.HttpStatus;
import org.madoguchi.platform.NotFound;

/** What every page's layout needs: who is signed in, the language, and where "switch language" returns to. */
@ControllerAdvice(annotations = Controller.class)
class PageModel {

	@ModelAttribute
	void layout(Model model, HttpServletRequest request) {
		model.addAttribute("caller", Caller.current().orElse(null));
		model.addAttribute("lang", LocaleContextHolder.getLocale().getLanguage());
		model.addAttribute("currentPath", request.getRequestURI().substring(request.getContextPath().length()));
	}

	@ExceptionHandler(NotFound.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "error/404";
	}
}
