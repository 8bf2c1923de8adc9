package org.madoguchi.casework;

import java.time.LocalDate;

/** The answer to an intake: the case, and whether this request made it or a retry found it. */
public record Intake(String caseNumber, String state, LocalDate dueDate, boolean created) {
}
