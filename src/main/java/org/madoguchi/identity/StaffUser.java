package org.madoguchi.identity;

import java.io.Serializable;
import java.security.Principal;
import java.util.Set;

import org.madoguchi.platform.Caller;
import org.madoguchi.platform.Role;

/** A signed-in staff member as the rest of the app sees them. */
public record StaffUser(long id, String username, String displayName, Role.Organization organization, Set<String> roles,
		Set<String> municipalities, boolean totpEnrolled) implements Caller, Principal, Serializable {

	public StaffUser {
		roles = Set.copyOf(roles);
		municipalities = Set.copyOf(municipalities);
	}

	@Override
	public String getName() {
		return username;
	}

	/** Anyone who can see personal data in clear, or grant that, signs in with a second factor. */
	public boolean needsSecondFactor() {
		return roles.stream().map(Role::valueOf).anyMatch(Role::revealsPersonalData);
	}
}
