package org.madoguchi.portal.web;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.madoguchi.benefits.ApplicationStatus;
import org.madoguchi.platform.Conflict;
import org.madoguchi.platform.InvalidInput;
import org.madoguchi.platform.NotFound;
import org.madoguchi.platform.Problem;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The portal's front page and the status look-up page. The address of the contract
 * ({@code GET /portal/status?municipality=&application=&birthDate=}) answers directly; the page's own form
 * posts instead, so that a birth date does not end up in the address bar, the history or a proxy's log.
 * A refused look-up answers with the API's status codes (404, 422, 429) on the page as well.
 */
@Controller
class StatusPages {

	static final Map<String, String> IDS = Map.of("birthDate", "birth-year");

	private final ApplicationStatus statuses;
	private final ClientRateLimit limit;
	private final PortalText text;

	StatusPages(ApplicationStatus statuses, ClientRateLimit limit, PortalText text) {
		this.statuses = statuses;
		this.limit = limit;
		this.text = text;
	}

	/** What the look-up form shows again after a refusal; the birth date only when it was malformed. */
	record LookupForm(String municipality, String application, BirthDate birthDate) {
	}

	@GetMapping("/portal")
	String home(@RequestParam(required = false) String municipality, Model model) {
		model.addAttribute("municipality", municipality != null && municipality.matches("[0-9]{6}") ? municipality : null);
		return "portal/index";
	}

	@GetMapping("/portal/status")
	String status(@RequestParam(required = false) String municipality, @RequestParam(required = false) String application,
			@RequestParam(required = false) String birthDate, Model model, HttpServletRequest request, HttpServletResponse response) {
		if (blank(application) && blank(birthDate)) {
			model.addAttribute("form", new LookupForm(municipality, null, BirthDate.EMPTY));
			model.addAttribute("errors", FieldErrors.NONE);
			return "portal/status";
		}
		return lookup(new LookupForm(municipality, application, BirthDate.split(birthDate)), birthDate, model, request, response);
	}

	@PostMapping("/portal/status")
	String lookup(@RequestParam(required = false) String municipality, @RequestParam(required = false) String application,
			@RequestParam(required = false) String birthYear, @RequestParam(required = false) String birthMonth,
			@RequestParam(required = false) String birthDay, Model model, HttpServletRequest request, HttpServletResponse response) {
		var birthDate = BirthDate.of(birthYear, birthMonth, birthDay);
		return lookup(new LookupForm(municipality, application, birthDate), birthDate.joined(), model, request, response);
	}

	private String lookup(LookupForm form, String birthDate, Model model, HttpServletRequest request, HttpServletResponse response) {
		Locale locale = LocaleContextHolder.getLocale();
		model.addAttribute("errors", FieldErrors.NONE);
		model.addAttribute("form", new LookupForm(form.municipality(), form.application(), BirthDate.EMPTY));
		if (!limit.tryTake(request.getRemoteAddr())) {
			return refused(429, Problem.of("client", "rate_limited"), model, response);
		}
		try {
			model.addAttribute("result", StatusView.of(statuses.lookup(form.municipality(), form.application(), birthDate), text, locale));
			return "portal/status";
		} catch (InvalidInput e) {
			response.setStatus(422);
			model.addAttribute("form", form);
			model.addAttribute("errors", FieldErrors.of(e.problems(), text, locale, IDS));
			return "portal/status";
		} catch (NotFound e) {
			return refused(404, Problem.of(e.path(), "not_found"), model, response);
		} catch (Conflict e) {
			return refused(e.status(), e.problem(), model, response);
		}
	}

	private String refused(int status, Problem problem, Model model, HttpServletResponse response) {
		response.setStatus(status);
		model.addAttribute("refusal", new Refusal(problem.code(), text.error(problem, LocaleContextHolder.getLocale())));
		return "portal/status";
	}

	/** Why nothing was looked up: the code names the case for tests and styling, the message says it. */
	record Refusal(String code, String message) {
	}

	static boolean blank(String value) {
		return value == null || value.isBlank();
	}
}
