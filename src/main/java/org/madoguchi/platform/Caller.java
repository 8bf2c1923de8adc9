package org.madoguchi.platform;

import java.util.Optional;
import java.util.Set;

import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is asking: a signed-in staff member or an API token's owner. Identity supplies the implementation;
 * the platform only needs the municipalities to enforce the tenant line.
 */
public interface Caller {

	String username();

	Set<String> roles();

	/** The municipality codes this caller works for. */
	Set<String> municipalities();

	default boolean hasRole(String role) {
		return roles().contains(role);
	}

	default boolean hasAnyRole(Role... wanted) {
		for (Role role : wanted) {
			if (hasRole(role.name())) {
				return true;
			}
		}
		return false;
	}

	/** The fully signed-in caller of this thread, if any (a half-finished two-factor login is not one). */
	static Optional<Caller> current() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.isAuthenticated() && authentication.getPrincipal() instanceof Caller caller
				&& authentication.getAuthorities().stream().anyMatch(a -> "STAFF".equals(a.getAuthority()))) {
			return Optional.of(caller);
		}
		return Optional.empty();
	}
}
