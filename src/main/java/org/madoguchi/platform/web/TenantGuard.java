package org.madoguchi.platform.web;

import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.madoguchi.platform.Caller;
import org.madoguchi.platform.NotFound;
import org.madoguchi.platform.TenantScope;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The application half of tenant isolation (row-level security is the database half). A request that
 * names a municipality in its path ({@code {code}}) runs scoped to that municipality only, and only if
 * the caller works for it; otherwise it answers 404 as for a code that does not exist. Requests that
 * name none run scoped to the municipality chosen in the switcher, or to all of the caller's.
 */
class TenantGuard implements HandlerInterceptor {

	static final String CHOSEN_MUNICIPALITY = "madoguchi.municipality";
	private static final String SCOPE = TenantGuard.class.getName() + ".scope";

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		Set<String> mine = Caller.current().map(Caller::municipalities).orElse(Set.of());
		@SuppressWarnings("unchecked")
		var variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		String named = variables == null ? null : variables.get("code");
		Set<String> scope;
		if (named != null) {
			if (!mine.contains(named)) {
				throw new NotFound("code");
			}
			scope = Set.of(named);
		} else {
			var session = request.getSession(false);
			Object chosen = session == null ? null : session.getAttribute(CHOSEN_MUNICIPALITY);
			scope = chosen instanceof String code && mine.contains(code) ? Set.of(code) : mine;
		}
		request.setAttribute(SCOPE, TenantScope.open(scope));
		return true;
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
		if (request.getAttribute(SCOPE) instanceof TenantScope scope) {
			request.removeAttribute(SCOPE);
			scope.close();
		}
	}
}
