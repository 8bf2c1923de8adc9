package org.madoguchi.payments;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import org.madoguchi.audit.AuditEvent;
import org.madoguchi.audit.AuditTrail;
import org.madoguchi.platform.Caller;
import org.madoguchi.platform.Conflict;
import org.madoguchi.platform.InvalidInput;
import org.madoguchi.platform.NotFound;
import org.madoguchi.platform.TenantScope;
import org.madoguchi.tenancy.OfficeCalendars;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payments to residents' accounts, in batches that each become one Zengin 総合振込 file. A batch pays
 * orders named by a {@code reference} within a {@code purpose}; what they pay for is the caller's business
 * (a benefit programme, say). The line held here, and by the database: a reference has at most one live
 * payment in its purpose, so it is never paid twice. A returned transfer, or a cancelled batch, frees it.
 *
 * <p>Who may prepare, send or cancel a batch is decided by the module that offers it to people; this one
 * records who did, in the audit trail, with counts and totals and never a resident's data.
 */
@Service
public class PaymentBatches {

	static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
	static final int MAX_PURPOSE = 100;

	private final BatchLoad load;
	private final BatchRows batches;
	private final TransferFileWriter files;
	private final BankResultImport results;
	private final OfficeCalendars calendars;
	private final AuditTrail audit;

	PaymentBatches(BatchLoad load, BatchRows batches, TransferFileWriter files, BankResultImport results,
			OfficeCalendars calendars, AuditTrail audit) {
		this.load = load;
		this.batches = batches;
		this.files = files;
		this.results = results;
		this.calendars = calendars;
		this.audit = audit;
	}

	/**
	 * Makes a batch of the orders for a transfer date, which must be a business day of the municipality's
	 * office calendar and not past. An order whose reference already has a live payment in the purpose,
	 * or repeats an earlier order's, is skipped and counted; the rest are paid in the order given. A batch
	 * with nothing to pay is refused ({@code orders: nothing_to_pay}), and so is anything its file could not
	 * carry (more than 999,999 payments, a total above 999,999,999,999 yen). All or nothing.
	 */
	@Transactional
	public BatchSummary prepare(String municipality, String purpose, LocalDate transferDate, Payer payer,
			Stream<PaymentOrder> orders) {
		requireScope(municipality);
		var problems = new InvalidInput.Collector();
		checkPurpose(purpose, problems);
		checkTransferDate(municipality, transferDate, problems);
		if (payer == null) {
			problems.add("payer", "required");
		}
		problems.throwIfAny();
		Objects.requireNonNull(orders, "orders");
		var loaded = load.load(municipality, purpose, transferDate, payer, orders, actor());
		audit.record(AuditEvent.of(municipality, "payment.batch.prepared", "payment-batch", Long.toString(loaded.batchId()))
			.with("purpose", purpose).with("transferDate", transferDate.toString()).with("count", Integer.toString(loaded.count()))
			.with("total", Long.toString(loaded.total())).with("skipped", Integer.toString(loaded.skipped())));
		return new BatchSummary(loaded.batchId(), purpose, transferDate, loaded.count(), loaded.total(), loaded.skipped(),
				BatchState.PREPARED, false);
	}

	@Transactional(readOnly = true)
	public Optional<BatchSummary> find(String municipality, long batchId) {
		requireScope(municipality);
		return batches.find(municipality, batchId).map(BatchRows.Batch::summary);
	}

	/** Every batch of the purpose, cancelled ones included, oldest first. */
	@Transactional(readOnly = true)
	public List<BatchSummary> ofPurpose(String municipality, String purpose) {
		requireScope(municipality);
		return batches.ofPurpose(municipality, purpose);
	}

	/**
	 * Streams the batch's 総合振込 file (CP932, 120-byte records, CRLF) to {@code out}, which is left open.
	 * It holds every payment the batch was made with, returned ones too, so it comes out the same each time;
	 * its SHA-256 is recorded the first time and must match after. Opening the account numbers and writing
	 * the file are audited. Refused for a cancelled batch.
	 */
	@Transactional
	public void writeZengin(String municipality, long batchId, OutputStream out) {
		requireScope(municipality);
		var batch = batches.find(municipality, batchId).orElseThrow(() -> new NotFound("batchId"));
		if (batch.state() == BatchState.CANCELLED) {
			throw new Conflict(409, "batchId", "batch_cancelled");
		}
		byte[] sha256 = files.write(municipality, batch, out);
		if (batch.fileSha256() == null) {
			batches.fileGenerated(municipality, batchId, sha256);
		} else if (!Arrays.equals(batch.fileSha256(), sha256)) {
			throw new IllegalStateException("batch " + batchId + "'s file came out different from the one written before");
		}
		audit.record(AuditEvent.of(municipality, "payment.file.generated", "payment-batch", Long.toString(batchId))
			.with("count", Integer.toString(batch.summary().count())).with("total", Long.toString(batch.summary().total()))
			.with("sha256", HexFormat.of().formatHex(sha256)));
	}

	/** Records that the batch's file went to the bank; only a prepared batch whose file was written can be sent. */
	@Transactional
	public BatchSummary markSent(String municipality, long batchId) {
		var batch = prepared(municipality, batchId);
		if (batch.fileSha256() == null) {
			throw new Conflict(409, "batchId", "file_not_generated");
		}
		batches.markSent(municipality, batchId, actor());
		audit.record(AuditEvent.of(municipality, "payment.batch.sent", "payment-batch", Long.toString(batchId))
			.with("count", Integer.toString(batch.summary().count())).with("total", Long.toString(batch.summary().total()))
			.with("sha256", HexFormat.of().formatHex(batch.fileSha256())));
		return batches.find(municipality, batchId).orElseThrow().summary();
	}

	/** Cancels a batch not yet sent; its references are free again for a later batch. */
	@Transactional
	public BatchSummary cancel(String municipality, long batchId) {
		var batch = prepared(municipality, batchId);
		batches.cancel(municipality, batchId, actor());
		audit.record(AuditEvent.of(municipality, "payment.batch.cancelled", "payment-batch", Long.toString(batchId))
			.with("count", Integer.toString(batch.summary().count())).with("total", Long.toString(batch.summary().total())));
		return batches.find(municipality, batchId).orElseThrow().summary();
	}

	/**
	 * Imports a bank's result file of returned transfers for the purpose: CSV with the header
	 * {@code application_number,result_code,reason}, in {@code encoding}, or UTF-8 or CP932 when null. Each
	 * row's reference must have a live payment in a sent batch; it becomes returned and a
	 * {@link PaymentReturned} is published. Other rows are answered one by one. The same file again changes nothing.
	 */
	@Transactional
	public ResultImport importResults(String municipality, String purpose, InputStream csv, Charset encoding) {
		requireScope(municipality);
		var problems = new InvalidInput.Collector();
		checkPurpose(purpose, problems);
		problems.throwIfAny();
		return results.run(municipality, purpose, Objects.requireNonNull(csv, "csv"), encoding);
	}

	/** Batches, scheduled, returned and paid payments of the purpose, for reconciliation. */
	@Transactional(readOnly = true)
	public PurposeTotals totals(String municipality, String purpose) {
		requireScope(municipality);
		return batches.totals(municipality, purpose);
	}

	private BatchRows.Batch prepared(String municipality, long batchId) {
		requireScope(municipality);
		var batch = batches.lock(municipality, batchId).orElseThrow(() -> new NotFound("batchId"));
		if (batch.state() != BatchState.PREPARED) {
			throw new Conflict(409, "batchId", "batch_not_prepared", batch.state().code());
		}
		return batch;
	}

	private void checkTransferDate(String municipality, LocalDate date, InvalidInput.Collector problems) {
		if (date == null) {
			problems.add("transferDate", "required");
		} else if (date.isBefore(LocalDate.now(TOKYO))) {
			problems.add("transferDate", "transfer_date_past");
		} else if (!OfficeCalendars.covers(date.getYear())) {
			problems.add("transferDate", "out_of_range");
		} else {
			calendars.of(municipality).closedReason(date).ifPresent(why -> problems.add("transferDate", "transfer_date_closed", why));
		}
	}

	private static void checkPurpose(String purpose, InvalidInput.Collector problems) {
		if (purpose == null || purpose.isBlank()) {
			problems.add("purpose", "required");
		} else if (purpose.length() > MAX_PURPOSE) {
			problems.add("purpose", "too_long", MAX_PURPOSE);
		} else if (purpose.chars().anyMatch(c -> Character.isISOControl(c) || Character.isSurrogate((char) c))) {
			problems.add("purpose", "control_characters");
		}
	}

	/** Another city's batch is not found rather than forbidden, so that it cannot even be shown to exist. */
	private static void requireScope(String municipality) {
		if (!TenantScope.includes(municipality)) {
			throw new NotFound("code");
		}
	}

	static String actor() {
		return Caller.current().map(Caller::username).orElse("system");
	}
}
