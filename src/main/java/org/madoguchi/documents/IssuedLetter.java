package org.madoguchi.documents;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A letter as stored: where it was mailed ({@code batchId} and {@code sequence}, both null for a letter handed
 * over in person) and for which case. Carries no personal data; the name and address are in the PDF only.
 */
public record IssuedLetter(long id, LetterType type, String procedureId, String caseNumber, LocalDate date, Long batchId,
		Integer sequence, Instant createdAt, String createdBy) {
}
