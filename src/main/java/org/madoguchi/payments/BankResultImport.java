package org.madoguchi.payments;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.madoguchi.audit.AuditEvent;
import org.madoguchi.audit.AuditTrail;
import org.madoguchi.platform.InvalidInput;
import org.madoguchi.platform.Problem;
import org.madoguchi.platform.csv.CsvEncoding;
import org.madoguchi.platform.csv.CsvRows;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Applies a bank's result file of returned transfers, {@code application_number,result_code,reason}, to a
 * purpose: each row names a reference whose live payment, in a batch already sent, becomes returned, which
 * frees the reference for a later batch. A file is known by its SHA-256, so importing it again changes
 * nothing; that matters most after the reference has been paid anew, which the same row would otherwise undo.
 */
@Component
class BankResultImport {

	/** A result file lists failed transfers: tens or hundreds, a few thousand on a bad day. */
	static final int MAX_BYTES = 20 << 20;
	static final List<String> HEADER = List.of("application_number", "result_code", "reason");
	static final int MAX_REASON = 200;
	private static final int MAX_CELL = 1_000;

	private record LivePayment(long batchId, int seq, long amount, String state) {
	}

	private final JdbcClient db;
	private final RowCheck check = new RowCheck();
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final MessageSource messages;

	BankResultImport(JdbcClient db, AuditTrail audit, ApplicationEventPublisher events, MessageSource messages) {
		this.db = db;
		this.audit = audit;
		this.events = events;
		this.messages = messages;
	}

	ResultImport run(String municipality, String purpose, InputStream csv, Charset encoding) {
		byte[] bytes = read(csv);
		byte[] sha256 = sha256(bytes);
		var parsed = parse(bytes, encoding);
		// Claimed first: a second import of the same file waits here for the first, then finds it done.
		boolean first = db.sql("""
				insert into payment_result_file (tenant_id, purpose, sha256, rows, returned, rejected, imported_by)
				values (?, ?, ?, 0, 0, 0, ?) on conflict do nothing
				""").params(municipality, purpose, sha256, PaymentBatches.actor()).update() == 1;
		if (!first) {
			return new ResultImport(parsed.rows().size(), 0, true, List.of());
		}
		Locale locale = LocaleContextHolder.getLocale();
		var rejected = new ArrayList<ResultImport.Rejected>();
		int returned = 0;
		for (CsvRows.Row row : parsed.rows()) {
			List<Problem> problems = check.problems(row);
			if (problems.isEmpty()) {
				problems = giveBack(municipality, purpose, row.cells());
			}
			if (problems.isEmpty()) {
				returned++;
			} else {
				rejected.add(new ResultImport.Rejected(row.line(), problems.stream().map(p -> error(p, locale)).toList()));
			}
		}
		db.sql("update payment_result_file set rows = ?, returned = ?, rejected = ? where tenant_id = ? and purpose = ? and sha256 = ?")
			.params(parsed.rows().size(), returned, rejected.size(), municipality, purpose, sha256).update();
		audit.record(AuditEvent.of(municipality, "payment.results.imported").with("purpose", purpose)
			.with("rows", Integer.toString(parsed.rows().size())).with("returned", Integer.toString(returned))
			.with("rejected", Integer.toString(rejected.size())).with("encoding", parsed.charset().name())
			.with("sha256", HexFormat.of().formatHex(sha256)));
		return new ResultImport(parsed.rows().size(), returned, false, List.copyOf(rejected));
	}

	/** Returns the reference's live payment, or says why there is none to return. */
	private List<Problem> giveBack(String municipality, String purpose, List<String> cells) {
		String reference = cells.get(0).strip();
		String code = cells.get(1).strip();
		String reason = cells.get(2).strip();
		Optional<LivePayment> live = db.sql("""
				select p.batch_id, p.seq, p.amount, b.state from payment p
				join payment_batch b on b.tenant_id = p.tenant_id and b.id = p.batch_id
				where p.tenant_id = ? and p.purpose = ? and p.reference = ? and p.live
				for update of p
				""").params(municipality, purpose, reference)
			.query((row, n) -> new LivePayment(row.getLong(1), row.getInt(2), row.getLong(3), row.getString(4))).optional();
		if (live.isEmpty()) {
			boolean returnedBefore = db.sql("""
					select exists (select 1 from payment where tenant_id = ? and purpose = ? and reference = ? and status = 'returned')
					""").params(municipality, purpose, reference).query(Boolean.class).single();
			return List.of(Problem.of("application_number", returnedBefore ? "already_returned" : "unknown_reference"));
		}
		LivePayment payment = live.get();
		if (!BatchState.SENT.code().equals(payment.state())) {
			// A bank reports on transfers it received; a batch not yet sent (or cancelled) has none.
			return List.of(Problem.of("application_number", "not_sent"));
		}
		db.sql("""
				update payment set status = 'returned', live = false, result_code = ?, result_reason = ?, returned_at = now()
				where tenant_id = ? and batch_id = ? and seq = ?
				""").params(code, reason.isEmpty() ? null : reason, municipality, payment.batchId(), payment.seq()).update();
		audit.record(AuditEvent.of(municipality, "payment.returned", "payment", payment.batchId() + "-" + payment.seq())
			.with("purpose", purpose).with("resultCode", code));
		events.publishEvent(new PaymentReturned(municipality, purpose, reference, payment.amount(), code, reason.isEmpty() ? null : reason));
		return List.of();
	}

	private record Parsed(Charset charset, List<CsvRows.Row> rows) {
	}

	/** The data rows, after a header that must be exactly the three columns; the encoding named, else UTF-8 or CP932. */
	private static Parsed parse(byte[] bytes, Charset encoding) {
		for (Charset charset : CsvEncoding.candidates(encoding, bytes)) {
			try {
				var rows = new ArrayList<CsvRows.Row>();
				var reader = CsvRows.of(bytes, charset, MAX_CELL, HEADER.size() + 1);
				for (var row = reader.next(); row != null; row = reader.next()) {
					if (!row.blank()) {
						rows.add(row);
					}
				}
				if (rows.isEmpty()) {
					throw new InvalidInput("body", "required");
				}
				var header = rows.removeFirst();
				if (header.width() != HEADER.size()
						|| !header.cells().stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).toList().equals(HEADER)) {
					throw new InvalidInput("header", "unexpected_header", String.join(",", HEADER));
				}
				return new Parsed(charset, rows);
			} catch (CharacterCodingException e) {
				// not this encoding: try the next, or answer below
			} catch (IOException e) {
				throw new UncheckedIOException("a byte array cannot fail to read", e);
			}
		}
		throw new InvalidInput("body", "encoding");
	}

	private static byte[] read(InputStream csv) {
		try {
			byte[] bytes = csv.readNBytes(MAX_BYTES + 1);
			if (bytes.length > MAX_BYTES) {
				throw new InvalidInput("body", "too_large", "20 MB");
			}
			return bytes;
		} catch (IOException e) {
			throw new UncheckedIOException("the result file could not be read", e);
		}
	}

	private ResultImport.Error error(Problem problem, Locale locale) {
		return new ResultImport.Error(problem.path(), problem.code(),
				messages.getMessage("error." + problem.code(), problem.arguments(), problem.code(), locale));
	}

	private static byte[] sha256(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is not available", e);
		}
	}

	/** The checks a row passes before the database is asked about it. */
	private static final class RowCheck {

		List<Problem> problems(CsvRows.Row row) {
			var problems = new ArrayList<Problem>();
			if (row.width() != HEADER.size()) {
				problems.add(Problem.of("row", "columns", HEADER.size(), row.width()));
				return problems;
			}
			if (CsvRows.QUOTE.equals(row.problem())) {
				problems.add(Problem.of("row", "quote"));
				return problems;
			}
			if (CsvRows.TOO_LONG.equals(row.problem())) {
				// only a reason can be long; a number or code that long is no number or code
				String column = HEADER.get(row.problemCell());
				problems.add(column.equals("reason") ? Problem.of(column, "too_long", MAX_REASON) : Problem.of(column, "format"));
				return problems;
			}
			String reference = row.cells().get(0).strip();
			if (reference.isEmpty()) {
				problems.add(Problem.of("application_number", "required"));
			} else if (!reference.matches("[0-9]{10}")) {
				problems.add(Problem.of("application_number", "format"));
			}
			String code = row.cells().get(1).strip();
			if (code.isEmpty()) {
				problems.add(Problem.of("result_code", "required"));
			} else if (!code.matches("[0-9A-Za-z]{1,8}")) {
				problems.add(Problem.of("result_code", "format"));
			}
			String reason = row.cells().get(2).strip();
			if (reason.length() > MAX_REASON) {
				problems.add(Problem.of("reason", "too_long", MAX_REASON));
			} else if (reason.chars().anyMatch(Character::isISOControl)) {
				problems.add(Problem.of("reason", "control_characters"));
			}
			return problems;
		}
	}
}
