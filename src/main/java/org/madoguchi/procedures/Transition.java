package org.madoguchi.procedures;

import java.util.Collection;
import java.util.Set;

import org.madoguchi.platform.Role;

/**
 * A move between states. {@code from} is a set because one action (a withdrawal, say) often leaves
 * several states; {@code letter} is the id of the letter it sends, or null.
 */
public record Transition(String id, Set<String> from, String to, Set<Role> roles, TransitionKind kind,
		boolean doubleKeying, String letter, LocalizedText name) {

	public Transition {
		from = Set.copyOf(from);
		roles = Set.copyOf(roles);
	}

	public boolean leaves(String state) {
		return from.contains(state);
	}

	public boolean allows(Role role) {
		return roles.contains(role);
	}

	/** Whether any of a caller's role names (as {@code Caller.roles()} gives them) may take this transition. */
	public boolean allowsAnyOf(Collection<String> roleNames) {
		return roleNames.stream().anyMatch(name -> Role.parse(name).filter(roles::contains).isPresent());
	}
}
