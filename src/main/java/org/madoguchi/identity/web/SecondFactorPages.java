package org.madoguchi.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.madoguchi.identity.SignIn;
import org.madoguchi.identity.StaffUser;
import org.madoguchi.identity.Totp;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The login page, the one-time code prompt, and first-time enrolment of an authenticator app. */
@Controller
class SecondFactorPages {

	private static final String PENDING_SECRET = SecondFactorPages.class.getName() + ".secret";
	private final SignIn signIn;
	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	SecondFactorPages(SignIn signIn) {
		this.signIn = signIn;
	}

	@GetMapping("/login")
	String login() {
		return "identity/login";
	}

	@GetMapping("/login/second-factor")
	String prompt() {
		return "identity/second-factor";
	}

	@PostMapping("/login/second-factor")
	String verify(@RequestParam(defaultValue = "") String code, Authentication authentication, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		var user = (StaffUser) authentication.getPrincipal();
		return switch (signIn.secondFactor(user, code)) {
			case ACCEPTED -> complete(user, request, response);
			case LOCKED -> signOut(request, "/login?locked");
			case REJECTED -> {
				model.addAttribute("wrongCode", true);
				yield "identity/second-factor";
			}
		};
	}

	@GetMapping("/login/enrol")
	String enrolment(Authentication authentication, HttpSession session, Model model) {
		var user = (StaffUser) authentication.getPrincipal();
		byte[] secret = (byte[]) session.getAttribute(PENDING_SECRET);
		if (secret == null) {
			secret = Totp.newSecret();
			session.setAttribute(PENDING_SECRET, secret);
		}
		String uri = Totp.uri("Madoguchi", user.username(), secret);
		model.addAttribute("qr", QrCode.svg(uri));
		model.addAttribute("secret", Totp.base32(secret).replaceAll("(.{4})(?!$)", "$1 "));
		return "identity/enrol";
	}

	@PostMapping("/login/enrol")
	String confirm(@RequestParam(defaultValue = "") String code, Authentication authentication, HttpSession session,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		var user = (StaffUser) authentication.getPrincipal();
		byte[] secret = (byte[]) session.getAttribute(PENDING_SECRET);
		if (secret != null && signIn.enrol(user, secret, code)) {
			session.removeAttribute(PENDING_SECRET);
			return complete(signIn.reload(user).orElse(user), request, response);
		}
		model.addAttribute("wrongCode", true);
		return enrolment(authentication, session, model);
	}

	/** Full sign-in, under a new session id so that a session fixed before the second factor is worthless. */
	private String complete(StaffUser user, HttpServletRequest request, HttpServletResponse response) {
		request.changeSessionId();
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(Authorities.signedIn(user));
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
		return "redirect:/";
	}

	private String signOut(HttpServletRequest request, String target) {
		SecurityContextHolder.clearContext();
		var session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		return "redirect:" + target;
	}
}
