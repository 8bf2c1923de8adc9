package org.madoguchi.benefits;

import java.time.LocalDate;
import java.util.List;

/**
 * Who the portal's first step let in, and what the next step may show them. Only the household head sees
 * the members' names (as printed on the form mailed to the head) and the household's current status; anyone
 * else who knows the number and their own birth date learns no more than how many people the form covers.
 */
public record OnlineApplicant(String application, String programmeName, boolean head, int persons, List<Member> members,
		ResidentStatus current, LocalDate applicationStart, LocalDate applicationEnd, boolean open) {

	public OnlineApplicant {
		members = List.copyOf(members);
	}

	/** A member the head may tick as declining (受給辞退). */
	public record Member(String residentId, String name) {
	}
}
