package org.madoguchi.platform;

import java.util.Optional;

/**
 * What a staff member may do. Operator roles belong to the BPO company, municipal roles to the city;
 * the legal line between them (the city decides, the operator prepares) is drawn on these names.
 */
public enum Role {

	OPERATOR_CLERK(Organization.OPERATOR, false),
	OPERATOR_CHECKER(Organization.OPERATOR, true),
	OPERATOR_SUPERVISOR(Organization.OPERATOR, true),
	CONTACT_AGENT(Organization.OPERATOR, false),
	COUNTER_STAFF(Organization.OPERATOR, true),
	MUNICIPAL_OFFICIAL(Organization.MUNICIPALITY, true),
	AUDITOR(Organization.MUNICIPALITY, false),
	ADMIN(null, true);

	public enum Organization {
		OPERATOR, MUNICIPALITY
	}

	private final Organization organization;
	private final boolean revealsPersonalData;

	Role(Organization organization, boolean revealsPersonalData) {
		this.organization = organization;
		this.revealsPersonalData = revealsPersonalData;
	}

	/** Whether an account of this organisation may hold the role (ADMIN: either). */
	public boolean allowedFor(Organization of) {
		return organization == null || organization == of;
	}

	/**
	 * Roles that may see a My Number or an account number in clear. They, and administrators who can grant
	 * them, must sign in with a second factor.
	 */
	public boolean revealsPersonalData() {
		return revealsPersonalData;
	}

	public static Optional<Role> parse(String name) {
		for (Role role : values()) {
			if (role.name().equals(name)) {
				return Optional.of(role);
			}
		}
		return Optional.empty();
	}
}
