package org.madoguchi.privacy;

import java.util.List;
import java.util.Set;

import org.madoguchi.platform.Caller;
import org.madoguchi.platform.Role;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Puts a staff member on the current thread as the security layer would, for service-level tests. */
final class SignedIn implements AutoCloseable {

	record Staff(String username, Set<String> roles, Set<String> municipalities) implements Caller {
	}

	private SignedIn() {
	}

	static SignedIn as(String username, Role role, String... municipalities) {
		var caller = new Staff(username, Set.of(role.name()), Set.of(municipalities));
		var authorities = List.of(new SimpleGrantedAuthority("STAFF"), new SimpleGrantedAuthority("ROLE_" + role.name()));
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(caller, null, authorities));
		return new SignedIn();
	}

	@Override
	public void close() {
		SecurityContextHolder.clearContext();
	}
}
