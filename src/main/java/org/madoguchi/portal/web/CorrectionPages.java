package org.madoguchi.portal.web;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.madoguchi.benefits.ApplicationNumber;
import org.madoguchi.benefits.ApplicationStatus;
import org.madoguchi.benefits.OnlineCorrections;
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
 * The head gives another account for a deficient or returned application, in three steps like the online
 * application, each a plain form that posts and redirects: 1. who you are (the status look-up's question and
 * lock), 2. the new account, 3. confirm; then the new status. Step 1 offers the form only when an account is
 * all the application needs; otherwise it shows the status and says that the office will be in touch.
 */
@Controller
class CorrectionPages {

	static final String RECEIPT = CorrectionPages.class.getName() + ".receipt";
	private static final Map<String, String> IDS = Map.of("birthDate", "birth-year", "accountType", "accountType-1");

	private final ApplicationStatus statuses;
	private final OnlineCorrections corrections;
	private final ClientRateLimit limit;
	private final PortalText text;

	CorrectionPages(ApplicationStatus statuses, OnlineCorrections corrections, ClientRateLimit limit, PortalText text) {
		this.statuses = statuses;
		this.corrections = corrections;
		this.limit = limit;
		this.text = text;
	}

	/** What the done page shows: the application and its status after the correction; the city for the status link. */
	record Receipt(String municipality, String number, StatusView status) {
	}

	@GetMapping("/portal/correct")
	String start(@RequestParam(required = false) String municipality, @RequestParam(required = false) String application, Model model) {
		model.addAttribute("form", new StatusPages.LookupForm(municipality, application, BirthDate.EMPTY));
		model.addAttribute("errors", FieldErrors.NONE);
		return "portal/correct-start";
	}

	@PostMapping("/portal/correct")
	String identify(@RequestParam(required = false) String municipality, @RequestParam(required = false) String application,
			@RequestParam(required = false) String birthYear, @RequestParam(required = false) String birthMonth,
			@RequestParam(required = false) String birthDay, Model model, HttpServletRequest request, HttpServletResponse response) {
		var birthDate = BirthDate.of(birthYear, birthMonth, birthDay);
		model.addAttribute("form", new StatusPages.LookupForm(municipality, application, BirthDate.EMPTY));
		model.addAttribute("errors", FieldErrors.NONE);
		if (!limit.tryTake(request.getRemoteAddr())) {
			return refused(429, Problem.of("client", "rate_limited"), "portal/correct-start", model, response);
		}
		try {
			var status = statuses.lookup(municipality, application, birthDate.joined());
			var view = StatusView.of(status, text, locale());
			if (!status.anotherAccountCures()) {
				model.addAttribute("notOffered", view);
				return "portal/correct-start";
			}
			if (request.getSession(false) != null) {
				request.changeSessionId(); // the session now opens a household: not under an id it had before
			}
			request.getSession().setAttribute(CorrectionDraft.SESSION, CorrectionDraft.start(municipality.strip(), application,
					birthDate.joined(), ApplicationNumber.parse(application).formatted(), view));
			return "redirect:/portal/correct/account";
		} catch (InvalidInput e) {
			response.setStatus(422);
			model.addAttribute("form", new StatusPages.LookupForm(municipality, application, birthDate));
			model.addAttribute("errors", FieldErrors.of(e.problems(), text, locale(), IDS));
			return "portal/correct-start";
		} catch (NotFound e) {
			return refused(404, Problem.of(e.path(), "not_found"), "portal/correct-start", model, response);
		} catch (Conflict e) {
			return refused(e.status(), e.problem(), "portal/correct-start", model, response);
		}
	}

	@GetMapping("/portal/correct/account")
	String account(HttpSession session, Model model) {
		var draft = draft(session);
		if (draft == null) {
			return "redirect:/portal/correct";
		}
		return account(draft, draft.account(), FieldErrors.NONE, model);
	}

	@PostMapping("/portal/correct/account")
	String saveAccount(@RequestParam(defaultValue = "") String bankCode, @RequestParam(defaultValue = "") String branchCode,
			@RequestParam(defaultValue = "") String accountType, @RequestParam(defaultValue = "") String accountNumber,
			@RequestParam(defaultValue = "") String accountHolderKana, HttpSession session, Model model, HttpServletResponse response) {
		var draft = draft(session);
		if (draft == null) {
			return "redirect:/portal/correct";
		}
		var account = new CorrectionDraft.Account(bankCode, branchCode, accountType, accountNumber, accountHolderKana);
		var filled = draft.with(account);
		try {
			corrections.check(filled.form());
		} catch (InvalidInput e) {
			response.setStatus(422);
			return account(draft, account, FieldErrors.of(e.problems(), text, locale(), IDS), model);
		}
		session.setAttribute(CorrectionDraft.SESSION, filled);
		return "redirect:/portal/correct/confirm";
	}

	@GetMapping("/portal/correct/confirm")
	String confirm(HttpSession session, Model model) {
		var draft = draft(session);
		if (draft == null || !draft.filled()) {
			return draft == null ? "redirect:/portal/correct" : "redirect:/portal/correct/account";
		}
		model.addAttribute("draft", draft);
		return "portal/correct-confirm";
	}

	@PostMapping("/portal/correct/confirm")
	String submit(HttpSession session, Model model, HttpServletRequest request, HttpServletResponse response) {
		var draft = draft(session);
		if (draft == null || !draft.filled()) {
			return draft == null ? "redirect:/portal/correct" : "redirect:/portal/correct/account";
		}
		model.addAttribute("draft", draft);
		if (!limit.tryTake(request.getRemoteAddr())) {
			return refused(429, Problem.of("client", "rate_limited"), "portal/correct-confirm", model, response);
		}
		try {
			var corrected = corrections.correct(draft.form());
			session.removeAttribute(CorrectionDraft.SESSION);
			session.setAttribute(RECEIPT, new Receipt(draft.municipality(), draft.number(), StatusView.of(corrected.status(), text, locale())));
			return "redirect:/portal/correct/done";
		} catch (InvalidInput e) {
			response.setStatus(422);
			return account(draft, draft.account(), FieldErrors.of(e.problems(), text, locale(), IDS), model);
		} catch (NotFound e) {
			return refused(404, Problem.of(e.path(), "not_found"), "portal/correct-confirm", model, response);
		} catch (Conflict e) {
			return refused(e.status(), e.problem(), "portal/correct-confirm", model, response);
		}
	}

	@GetMapping("/portal/correct/done")
	String done(HttpSession session, Model model) {
		if (!(session.getAttribute(RECEIPT) instanceof Receipt receipt)) {
			return "redirect:/portal/correct";
		}
		model.addAttribute("receipt", receipt);
		return "portal/correct-done";
	}

	private String account(CorrectionDraft draft, CorrectionDraft.Account account, FieldErrors errors, Model model) {
		model.addAttribute("draft", draft);
		model.addAttribute("details", account);
		model.addAttribute("errors", errors);
		return "portal/correct-account";
	}

	private String refused(int status, Problem problem, String view, Model model, HttpServletResponse response) {
		response.setStatus(status);
		model.addAttribute("refusal", new StatusPages.Refusal(problem.code(), text.error(problem, locale())));
		return view;
	}

	private static CorrectionDraft draft(HttpSession session) {
		return session.getAttribute(CorrectionDraft.SESSION) instanceof CorrectionDraft draft ? draft : null;
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}
}
