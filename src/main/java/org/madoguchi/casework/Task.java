package org.madoguchi.casework;

import java.time.Instant;
import java.time.LocalDate;

/** One piece of work on a case at one step, as a worker sees it when claiming. */
public record Task(long id, String caseNumber, String queue, String step, LocalDate dueDate, Instant arrivedAt,
		String claimedBy) {
}
