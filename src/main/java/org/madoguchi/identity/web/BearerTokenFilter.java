package org.madoguchi.identity.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.madoguchi.identity.ApiTokens;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Signs an API call in as the owner of its bearer token; a token that is not live is refused outright. */
class BearerTokenFilter extends OncePerRequestFilter {

	private final ApiTokens tokens;
	private final JsonSecurityErrors errors;

	BearerTokenFilter(ApiTokens tokens, JsonSecurityErrors errors) {
		this.tokens = tokens;
		this.errors = errors;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			chain.doFilter(request, response);
			return;
		}
		var owner = tokens.owner(header.substring(7).strip());
		if (owner.isEmpty()) {
			errors.write(request, response, 401, "Authorization", "invalid_token");
			return;
		}
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(Authorities.signedIn(owner.get()));
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(request, response);
		} finally {
			SecurityContextHolder.clearContext();
		}
	}
}
