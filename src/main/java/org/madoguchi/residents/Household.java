package org.madoguchi.residents;

import java.util.List;
import java.util.Optional;

/** A household (世帯) on one day: its members, the head first when the household has one that day. */
public record Household(String id, List<Resident> members) {

	public Household {
		members = List.copyOf(members);
	}

	/** Empty on a day the head had already died or moved out and no new head had been reported yet. */
	public Optional<Resident> head() {
		return members.stream().filter(Resident::isHead).findFirst();
	}
}
