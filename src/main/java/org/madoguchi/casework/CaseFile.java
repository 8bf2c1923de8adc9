package org.madoguchi.casework;

import java.time.Instant;
import java.time.LocalDate;

/** A case as stored: its data (personal values are vault references) and where it stands. */
public record CaseFile(String tenantId, String caseNumber, String procedureId, int procedureVersion, String channel, String state,
		String data, Instant receivedAt, LocalDate receivedOn, LocalDate dueDate, LocalDate slaPausedSince, String createdBy) {
}
