package org.madoguchi.identity.web;

import java.util.ArrayList;
import java.util.List;

import org.madoguchi.identity.StaffUser;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The two states of a sign-in: password checked (second factor pending), and fully signed in. */
final class Authorities {

	private Authorities() {
	}

	static Authentication signedIn(StaffUser user) {
		List<GrantedAuthority> authorities = new ArrayList<>();
		authorities.add(new SimpleGrantedAuthority(SecurityConfiguration.STAFF));
		user.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
		return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
	}

	static Authentication passwordVerified(StaffUser user) {
		return UsernamePasswordAuthenticationToken.authenticated(user, null,
				List.of(new SimpleGrantedAuthority(SecurityConfiguration.PASSWORD_VERIFIED)));
	}

	static boolean isFullySignedIn(Authentication authentication) {
		return authentication != null && authentication.getAuthorities().stream()
			.anyMatch(a -> SecurityConfiguration.STAFF.equals(a.getAuthority()));
	}
}
