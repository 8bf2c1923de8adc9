package org.madoguchi.tenancy.web;

import jakarta.servlet.http.HttpServletRequest;

import org.madoguchi.platform.Caller;
import org.madoguchi.platform.web.ChosenMunicipality;
import org.madoguchi.tenancy.Municipalities;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The switcher in every page's header: the caller's municipalities and the one chosen now. */
@ControllerAdvice(annotations = Controller.class)
class SwitcherModel {

	private final Municipalities municipalities;

	SwitcherModel(Municipalities municipalities) {
		this.municipalities = municipalities;
	}

	@ModelAttribute
	void switcher(Model model, HttpServletRequest request) {
		var caller = Caller.current();
		model.addAttribute("myMunicipalities", caller.map(c -> municipalities.among(c.municipalities())).orElse(java.util.List.of()));
		model.addAttribute("chosenMunicipality", ChosenMunicipality.of(request.getSession(false)));
	}
}
