package org.madoguchi.identity.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.madoguchi.identity.StaffUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/** Where a person goes after the password step: home, the code prompt, or the enrolment page. */
@Component
class TwoFactorRedirect implements AuthenticationSuccessHandler, AuthenticationFailureHandler, AccessDeniedHandler {

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
			throws IOException {
		response.sendRedirect(request.getContextPath() + next(authentication));
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
			throws IOException {
		response.sendRedirect(request.getContextPath() + (e instanceof LockedException ? "/login?locked" : "/login?error"));
	}

	/** A half-signed-in person who wanders off is brought back to the second factor, not shown a 403. */
	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && !Authorities.isFullySignedIn(authentication) && authentication.getPrincipal() instanceof StaffUser) {
			response.sendRedirect(request.getContextPath() + next(authentication));
			return;
		}
		response.sendError(HttpServletResponse.SC_FORBIDDEN);
	}

	static String next(Authentication authentication) {
		if (Authorities.isFullySignedIn(authentication)) {
			return "/";
		}
		var user = (StaffUser) authentication.getPrincipal();
		return user.totpEnrolled() ? "/login/second-factor" : "/login/enrol";
	}
}
