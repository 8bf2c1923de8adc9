package org.madoguchi.documents;

import java.util.List;

import org.madoguchi.audit.AuditEvent;
import org.madoguchi.audit.AuditTrail;
import org.madoguchi.platform.Conflict;
import org.madoguchi.platform.InvalidInput;
import org.madoguchi.platform.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Letters on their way to the post office, in batches of one letter type (the Osaka lesson: never a wrong
 * letter in an envelope). A letter joins the open batch of its type as the next number, printed on it; the
 * batch is closed for print, its manifest goes with it, and it is marked mailed only when the letters a
 * person counted equal the manifest. Every step is audited in its own transaction. Callers run inside the
 * municipality's tenant scope.
 */
@Service
public class MailingBatches {

	/** What {@link #addOnce} did: added the letter, or found it added before under the same key. */
	public record Added(IssuedLetter letter, boolean isNew) {
	}

	private static final int LIST_LIMIT = 500;

	private final LetterRows rows;
	private final Letters letters;
	private final AuditTrail audit;
	private final TransactionTemplate transactions;

	MailingBatches(LetterRows rows, Letters letters, AuditTrail audit, PlatformTransactionManager transactionManager) {
		this.rows = rows;
		this.letters = letters;
		this.audit = audit;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/** Renders the letter with its batch number and adds it to the open batch of its type, opening one if needed. */
	@Transactional
	public IssuedLetter add(LetterRequest request) {
		return addOnce(request, null).letter();
	}

	/**
	 * As {@link #add}, but a repeated {@code idempotencyKey} (e.g. the case number and transition that sent the
	 * letter) returns the letter added the first time instead of mailing the resident a second one.
	 */
	@Transactional
	public Added addOnce(LetterRequest request, String idempotencyKey) {
		String city = request.municipalityCode();
		if (idempotencyKey != null) {
			var earlier = rows.letterByKey(city, idempotencyKey);
			if (earlier.isPresent()) {
				return new Added(earlier.get(), false);
			}
		}
		var open = openBatch(city, request.type());
		var batch = open.batch();
		if (idempotencyKey != null) {
			// checked again under the batch lock: a concurrent first attempt has committed or not started
			var earlier = rows.letterByKey(city, idempotencyKey);
			if (earlier.isPresent()) {
				return new Added(earlier.get(), false);
			}
		}
		int sequence = batch.letterCount() + 1;
		byte[] pdf = letters.render(request, new LetterMark(batch.id(), sequence));
		long id = rows.insert(request, batch.id(), sequence, idempotencyKey, pdf, Actors.current());
		// audited last: the audit chain's lock is held to the end of the transaction, so never while rendering
		if (open.opened()) {
			audit.record(AuditEvent.of(city, "mailing-batch.opened", "mailing-batch", Long.toString(batch.id()))
				.with("letterType", batch.type().code()));
		}
		audit.record(AuditEvent.of(city, "letter.added-to-batch", "letter", Long.toString(id))
			.with("batch", Long.toString(batch.id())).with("sequence", Integer.toString(sequence))
			.with("letterType", request.type().code()).with("procedure", request.procedureId())
			.with("caseNumber", request.caseNumber()));
		return new Added(rows.letter(city, id).orElseThrow(), true);
	}

	@Transactional(readOnly = true)
	public List<MailingBatch> list(String municipality, MailingBatch.State state) {
		return rows.batches(municipality, state, LIST_LIMIT);
	}

	@Transactional(readOnly = true)
	public MailingBatch find(String municipality, long id) {
		return rows.batch(municipality, id).orElseThrow(() -> new NotFound("id"));
	}

	@Transactional(readOnly = true)
	public List<IssuedLetter> letters(String municipality, long id) {
		find(municipality, id);
		return rows.lettersOfBatch(municipality, id);
	}

	/** No more letters join it; the next letter of its type opens a new batch. */
	@Transactional
	public MailingBatch close(String municipality, long id) {
		var batch = rows.lockedBatch(municipality, id);
		if (batch.state() != MailingBatch.State.OPEN) {
			throw new Conflict(409, "id", "batch_not_open");
		}
		if (batch.letterCount() == 0) {
			throw new Conflict(409, "id", "batch_empty");
		}
		rows.close(municipality, id, Actors.current());
		audit.record(AuditEvent.of(municipality, "mailing-batch.closed", "mailing-batch", Long.toString(id))
			.with("letterType", batch.type().code()).with("letterCount", Integer.toString(batch.letterCount())));
		return find(municipality, id);
	}

	/**
	 * The manifest CSV of a closed batch (CP932, CRLF; see {@link Manifest}). Refused while the batch is open,
	 * since letters joining later would be missing from a manifest already printed.
	 */
	@Transactional
	public byte[] manifest(String municipality, long id) {
		var batch = find(municipality, id);
		if (batch.state() == MailingBatch.State.OPEN) {
			throw new Conflict(409, "id", "batch_not_closed");
		}
		var manifestRows = rows.manifest(municipality, id);
		audit.record(AuditEvent.of(municipality, "mailing-batch.manifest-exported", "mailing-batch", Long.toString(id))
			.with("rows", Integer.toString(manifestRows.size())));
		return Manifest.csv(manifestRows);
	}

	/**
	 * Marks a closed batch mailed when {@code counted}, the letters a person counted, equals its manifest. A
	 * wrong count is refused (409) and leaves the batch as it was, but is itself audited and kept: a
	 * supervisor must be able to see that a batch once came up short.
	 */
	public MailingBatch markMailed(String municipality, long id, Integer counted) {
		if (counted == null) {
			throw new InvalidInput("counted", "required");
		}
		if (counted < 0) {
			throw new InvalidInput("counted", "out_of_range");
		}
		var outcome = transactions.execute(status -> {
			var batch = rows.lockedBatch(municipality, id);
			switch (batch.state()) {
				case OPEN -> throw new Conflict(409, "id", "batch_not_closed");
				case MAILED -> throw new Conflict(409, "id", "batch_already_mailed");
				case CLOSED_FOR_PRINT -> {
				}
			}
			var event = AuditEvent.of(municipality, "mailing-batch.mailed", "mailing-batch", Long.toString(id))
				.with("counted", Integer.toString(counted)).with("letterCount", Integer.toString(batch.letterCount()));
			if (counted != batch.letterCount()) {
				audit.record(new AuditEvent(municipality, "mailing-batch.count-mismatch", event.subjectType(),
						event.subjectId(), null, event.details()));
				return batch;
			}
			rows.markMailed(municipality, id, counted, Actors.current());
			audit.record(event);
			return rows.batch(municipality, id).orElseThrow();
		});
		if (outcome.state() != MailingBatch.State.MAILED) {
			throw new Conflict(409, "counted", "count_mismatch", counted, outcome.letterCount());
		}
		return outcome;
	}

	private record OpenBatch(MailingBatch batch, boolean opened) {
	}

	/** The open batch of the type, locked; if there is none, one is opened. */
	private OpenBatch openBatch(String city, LetterType type) {
		boolean opened = false;
		for (int attempt = 0; attempt < 3; attempt++) {
			var open = rows.lockedOpenBatch(city, type);
			if (open.isPresent()) {
				return new OpenBatch(open.get(), opened);
			}
			opened |= rows.openBatch(city, type).isPresent();
		}
		// only if other sessions closed each new batch between our insert and our lock, three times running
		throw new Conflict(409, "type", "batch_busy");
	}
}
