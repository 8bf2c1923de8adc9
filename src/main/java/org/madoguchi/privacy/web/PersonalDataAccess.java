package org.madoguchi.privacy.web;

import java.util.Optional;
import java.util.stream.Stream;

import org.madoguchi.platform.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Who may use the personal-data API, derived from {@link Role} rather than listed again in annotations,
 * so a role that gains or loses {@code revealsPersonalData} changes the API with it. Used as
 * {@code @PreAuthorize("@personalDataAccess.mayReveal(authentication)")}.
 */
@Component("personalDataAccess")
public class PersonalDataAccess {

	/** Any staff role but the auditor's, whose work is to read the trail, not to handle residents' data. */
	public boolean mayKeep(Authentication authentication) {
		return roles(authentication).anyMatch(role -> role != Role.AUDITOR);
	}

	public boolean mayLook(Authentication authentication) {
		return roles(authentication).findAny().isPresent();
	}

	public boolean mayReveal(Authentication authentication) {
		return roles(authentication).anyMatch(Role::revealsPersonalData);
	}

	private static Stream<Role> roles(Authentication authentication) {
		if (authentication == null || !authentication.isAuthenticated()) {
			return Stream.empty();
		}
		return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
			.filter(name -> name != null && name.startsWith("ROLE_")).map(name -> Role.parse(name.substring(5)))
			.flatMap(Optional::stream);
	}
}
