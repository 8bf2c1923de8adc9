package org.madoguchi.benefits;

import org.madoguchi.platform.Caller;
import org.madoguchi.platform.Conflict;
import org.madoguchi.platform.Role;

/** How the benefits services refuse a caller whose role may not do something: 403 on the path {@code role}. */
final class BenefitRoles {

	private BenefitRoles() {
	}

	static void require(Role... roles) {
		if (!Caller.current().orElseThrow().hasAnyRole(roles)) {
			throw new Conflict(403, "role", "transition_not_allowed");
		}
	}
}
