package org.madoguchi.casework;

import java.time.Instant;

/** One line of a case's history: who moved it from where to where, when, and why. */
public record TimelineEntry(int seq, Instant at, String actor, String kind, String fromState, String toState, String reason,
		String details) {
}
