package org.madoguchi.portal.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.madoguchi.benefits.OnlineApplications;
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
 * The online application in three steps, each a plain form that works without JavaScript: 1. who you are
 * (application number and birth date), 2. the account, phone and declines, 3. confirm; then the result.
 * Each step posts and redirects (so reloading never sends anything twice); the draft lives in the session.
 *
 * <p>What step 2 shows depends on who step 1 let in: the household head sees the members by name, as on the
 * form mailed to them, and may tick those who decline; anyone else sees only how many people the form covers
 * and cannot decline for them, since names and the power to decline for a household are the head's.
 */
@Controller
class ApplicationPages {

	static final String RECEIPT = ApplicationPages.class.getName() + ".receipt";
	private static final Map<String, String> IDS = Map.of("birthDate", "birth-year", "accountType", "accountType-1",
			"declinedResidentIds", "declined-0");

	private final OnlineApplications applications;
	private final ClientRateLimit limit;
	private final PortalText text;

	ApplicationPages(OnlineApplications applications, ClientRateLimit limit, PortalText text) {
		this.applications = applications;
		this.limit = limit;
		this.text = text;
	}

	/** What the done page shows: the application, whether it was the head's, and its status. */
	record Receipt(String application, boolean head, StatusView status) {
	}

	@GetMapping("/portal/apply")
	String start(@RequestParam(required = false) String municipality, Model model) {
		model.addAttribute("form", new StatusPages.LookupForm(municipality, null, BirthDate.EMPTY));
		model.addAttribute("errors", FieldErrors.NONE);
		return "portal/apply-start";
	}

	@PostMapping("/portal/apply")
	String identify(@RequestParam(required = false) String municipality, @RequestParam(required = false) String application,
			@RequestParam(required = false) String birthYear, @RequestParam(required = false) String birthMonth,
			@RequestParam(required = false) String birthDay, Model model, HttpServletRequest request, HttpServletResponse response) {
		var birthDate = BirthDate.of(birthYear, birthMonth, birthDay);
		var form = new StatusPages.LookupForm(municipality, application, BirthDate.EMPTY);
		model.addAttribute("form", form);
		model.addAttribute("errors", FieldErrors.NONE);
		if (!limit.tryTake(request.getRemoteAddr())) {
			return refused(429, Problem.of("client", "rate_limited"), "portal/apply-start", model, response);
		}
		try {
			var applicant = applications.identify(municipality, application, birthDate.joined());
			if (request.getSession(false) != null) {
				request.changeSessionId(); // the session now opens a household: not under an id it had before
			}
			request.getSession().setAttribute(ApplicationDraft.SESSION,
					ApplicationDraft.start(municipality.strip(), application, birthDate.joined(), applicant));
			return "redirect:/portal/apply/details";
		} catch (InvalidInput e) {
			response.setStatus(422);
			model.addAttribute("form", new StatusPages.LookupForm(municipality, application, birthDate));
			model.addAttribute("errors", FieldErrors.of(e.problems(), text, locale(), IDS));
			return "portal/apply-start";
		} catch (NotFound e) {
			return refused(404, Problem.of(e.path(), "not_found"), "portal/apply-start", model, response);
		} catch (Conflict e) {
			return refused(e.status(), e.problem(), "portal/apply-start", model, response);
		}
	}

	@GetMapping("/portal/apply/details")
	String details(HttpSession session, Model model) {
		var draft = draft(session);
		if (draft == null) {
			return "redirect:/portal/apply";
		}
		return details(draft, draft.details(), FieldErrors.NONE, model);
	}

	@PostMapping("/portal/apply/details")
	String saveDetails(@RequestParam(defaultValue = "") String bankCode, @RequestParam(defaultValue = "") String branchCode,
			@RequestParam(defaultValue = "") String accountType, @RequestParam(defaultValue = "") String accountNumber,
			@RequestParam(defaultValue = "") String accountHolderKana, @RequestParam(defaultValue = "") String phone,
			@RequestParam(required = false) List<Integer> declined, HttpSession session, Model model, HttpServletResponse response) {
		var draft = draft(session);
		if (draft == null || !draft.mayApply()) {
			return draft == null ? "redirect:/portal/apply" : "redirect:/portal/apply/details";
		}
		var details = new ApplicationDraft.Details(bankCode, branchCode, accountType, accountNumber, accountHolderKana, phone,
				draft.applicant().head() && declined != null ? declined : List.of());
		var filled = draft.with(details);
		try {
			applications.check(filled.form());
		} catch (InvalidInput e) {
			response.setStatus(422);
			return details(draft, details, FieldErrors.of(e.problems(), text, locale(), IDS), model);
		}
		session.setAttribute(ApplicationDraft.SESSION, filled);
		return "redirect:/portal/apply/confirm";
	}

	@GetMapping("/portal/apply/confirm")
	String confirm(HttpSession session, Model model) {
		var draft = draft(session);
		if (draft == null || draft.details().bankCode().isBlank()) {
			return draft == null ? "redirect:/portal/apply" : "redirect:/portal/apply/details";
		}
		model.addAttribute("draft", draft);
		return "portal/apply-confirm";
	}

	@PostMapping("/portal/apply/confirm")
	String submit(HttpSession session, Model model, HttpServletRequest request, HttpServletResponse response) {
		var draft = draft(session);
		if (draft == null || draft.details().bankCode().isBlank()) {
			return draft == null ? "redirect:/portal/apply" : "redirect:/portal/apply/details";
		}
		model.addAttribute("draft", draft);
		if (!limit.tryTake(request.getRemoteAddr())) {
			return refused(429, Problem.of("client", "rate_limited"), "portal/apply-confirm", model, response);
		}
		try {
			var applied = applications.apply(draft.form());
			session.removeAttribute(ApplicationDraft.SESSION);
			session.setAttribute(RECEIPT, new Receipt(draft.applicant().application(), draft.applicant().head(),
					StatusView.of(applied.status(), text, locale())));
			return "redirect:/portal/apply/done";
		} catch (InvalidInput e) {
			response.setStatus(422);
			return details(draft, draft.details(), FieldErrors.of(e.problems(), text, locale(), IDS), model);
		} catch (NotFound e) {
			return refused(404, Problem.of(e.path(), "not_found"), "portal/apply-confirm", model, response);
		} catch (Conflict e) {
			return refused(e.status(), e.problem(), "portal/apply-confirm", model, response);
		}
	}

	@GetMapping("/portal/apply/done")
	String done(HttpSession session, Model model) {
		if (!(session.getAttribute(RECEIPT) instanceof Receipt receipt)) {
			return "redirect:/portal/apply";
		}
		model.addAttribute("receipt", receipt);
		return "portal/apply-done";
	}

	private String details(ApplicationDraft draft, ApplicationDraft.Details details, FieldErrors errors, Model model) {
		var applicant = draft.applicant();
		model.addAttribute("draft", draft);
		model.addAttribute("details", details);
		model.addAttribute("errors", errors);
		model.addAttribute("period", text.message("portal.apply.period.range", locale(), PortalText.date(applicant.applicationStart(), locale()),
				PortalText.date(applicant.applicationEnd(), locale())));
		model.addAttribute("currentStatus", applicant.current() == null ? null : text.statusName(applicant.current(), locale()));
		return "portal/apply-details";
	}

	private String refused(int status, Problem problem, String view, Model model, HttpServletResponse response) {
		response.setStatus(status);
		model.addAttribute("refusal", new StatusPages.Refusal(problem.code(), text.error(problem, locale())));
		return view;
	}

	private static ApplicationDraft draft(HttpSession session) {
		return session.getAttribute(ApplicationDraft.SESSION) instanceof ApplicationDraft draft ? draft : null;
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}
}
