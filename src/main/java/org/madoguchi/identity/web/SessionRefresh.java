package org.madoguchi.identity.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.madoguchi.identity.StaffAccounts;
import org.madoguchi.identity.StaffUser;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A page session re-reads its account on every request: a role or municipality taken away applies at
 * once, a disabled account's sessions end, and a municipality just assigned appears without signing in again.
 */
class SessionRefresh extends OncePerRequestFilter {

	private final StaffAccounts accounts;
	private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	SessionRefresh(StaffAccounts accounts) {
		this.accounts = accounts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (Authorities.isFullySignedIn(authentication) && authentication.getPrincipal() instanceof StaffUser user) {
			var current = accounts.find(user.username());
			if (current.isEmpty()) {
				SecurityContextHolder.clearContext();
				var session = request.getSession(false);
				if (session != null) {
					session.invalidate();
				}
			} else if (!current.get().equals(user)) {
				var context = SecurityContextHolder.createEmptyContext();
				context.setAuthentication(Authorities.signedIn(current.get()));
				SecurityContextHolder.setContext(context);
				contexts.saveContext(context, request, response);
			}
		}
		chain.doFilter(request, response);
	}
}
