package org.madoguchi.documents.web;

import java.time.Instant;
import java.time.LocalDate;

import org.madoguchi.documents.IssuedLetter;
import org.madoguchi.documents.MailingBatch;

/** What the API shows of letters and batches: codes as in the database ({@code deficiency-notice}, {@code mailed}). */
final class Views {

	private Views() {
	}

	record LetterView(long id, String type, String procedureId, String caseNumber, LocalDate date, Long batchId,
			Integer sequence, Instant createdAt, String createdBy) {

		static LetterView of(IssuedLetter letter) {
			return new LetterView(letter.id(), letter.type().code(), letter.procedureId(), letter.caseNumber(), letter.date(),
					letter.batchId(), letter.sequence(), letter.createdAt(), letter.createdBy());
		}
	}

	record BatchView(long id, String type, String state, int letterCount, Instant createdAt, Instant closedAt,
			String closedBy, Instant mailedAt, String mailedBy, Integer counted) {

		static BatchView of(MailingBatch batch) {
			return new BatchView(batch.id(), batch.type().code(), batch.state().code(), batch.letterCount(), batch.createdAt(),
					batch.closedAt(), batch.closedBy(), batch.mailedAt(), batch.mailedBy(), batch.counted());
		}
	}

	/** Who may see letters and batches: the operator's staff who prepare and mail them, and the city's officials. */
	static final String READERS = "hasAnyRole('OPERATOR_CLERK', 'OPERATOR_CHECKER', 'OPERATOR_SUPERVISOR', 'MUNICIPAL_OFFICIAL')";
	static final String WRITERS = "hasAnyRole('OPERATOR_CLERK', 'OPERATOR_CHECKER', 'OPERATOR_SUPERVISOR')";
	static final String SUPERVISOR = "hasRole('OPERATOR_SUPERVISOR')";

	/** A letter's PDF as sent to a browser or an API client: shown inline, never cached. */
	static org.springframework.http.ResponseEntity<byte[]> pdf(long id, byte[] bytes) {
		return org.springframework.http.ResponseEntity.ok().contentType(org.springframework.http.MediaType.APPLICATION_PDF)
			.header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"letter-" + id + ".pdf\"")
			.header(org.springframework.http.HttpHeaders.CACHE_CONTROL, "no-store").body(bytes);
	}
}
