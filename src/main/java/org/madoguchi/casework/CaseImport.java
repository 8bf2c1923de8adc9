package org.madoguchi.casework;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.madoguchi.audit.AuditEvent;
import org.madoguchi.audit.AuditTrail;
import org.madoguchi.platform.Conflict;
import org.madoguchi.platform.InvalidInput;
import org.madoguchi.platform.Problem;
import org.madoguchi.platform.ScopedTransactions;
import org.madoguchi.platform.csv.CsvEncoding;
import org.madoguchi.platform.csv.CsvRows;
import org.madoguchi.procedures.Channel;
import org.madoguchi.procedures.Procedure;
import org.madoguchi.procedures.Procedures;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import tools.jackson.databind.node.ObjectNode;

/**
 * Bulk intake from a CSV file whose header row names field paths. Every row becomes a case through
 * {@link Cases#open} in a transaction of its own, so a bad row never undoes a good one and a good one is never
 * half-written. A row's idempotency key comes from its content and line, so importing the same file again
 * finds the cases the first import made instead of making them twice.
 */
@Service
public class CaseImport {

	/** The API holds a body this big in memory, never on disk: it carries personal data (phones, My Numbers). */
	public static final int MAX_BODY = 50 << 20;
	public static final int MAX_ROWS = 100_000;
	/** Far above any field's maxLength; it only stops a runaway cell (an unclosed quote, a 10 MB string) early. */
	static final int MAX_CELL = 10_000;
	static final int MAX_COLUMNS = 1_000;

	public record Result(int accepted, int created, List<Accepted> cases, List<Rejected> rejected) {
	}

	public record Accepted(int line, String caseNumber, boolean created) {
	}

	/** A row that made no case; {@code line} is where it starts in the file (the header is line 1). */
	public record Rejected(int line, List<Problem> errors) {
	}

	private record Survey(Charset charset, CsvRows.Row header, int rows) {
	}

	private final Cases cases;
	private final Procedures procedures;
	private final AuditTrail audit;
	private final ScopedTransactions transactions;

	CaseImport(Cases cases, Procedures procedures, AuditTrail audit, ScopedTransactions transactions) {
		this.cases = cases;
		this.procedures = procedures;
		this.audit = audit;
		this.transactions = transactions;
	}

	/**
	 * Imports a file in the given encoding or, without one, in UTF-8 or CP932, whichever decodes it strictly.
	 * Whole-file faults (encoding, header, row count) throw before any row is imported.
	 */
	public Result run(String municipality, String procedureId, String encoding, byte[] bytes) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("an import runs each row in its own transaction, so it cannot run inside another");
		}
		Procedure procedure = procedures.current(municipality, procedureId)
			.orElseThrow(() -> new InvalidInput("procedure", "unknown_procedure"));
		if (!procedure.channels().contains(Channel.CSV)) {
			throw new InvalidInput("procedure", "channel_not_accepted");
		}
		Survey survey = survey(bytes, CsvEncoding.candidates(CsvEncoding.named(encoding), bytes));
		var columns = CsvColumns.of(procedure, survey.header().cells());
		var accepted = new ArrayList<Accepted>();
		var rejected = new ArrayList<Rejected>();
		try {
			var rows = CsvRows.of(bytes, survey.charset(), MAX_CELL, MAX_COLUMNS);
			boolean header = true;
			for (var row = rows.next(); row != null; row = rows.next()) {
				if (row.blank()) {
					continue;
				}
				if (header) {
					header = false;
				} else {
					take(municipality, procedure, columns, row, accepted, rejected);
				}
			}
		} catch (IOException e) {
			throw new UncheckedIOException("bytes that decoded in the survey failed the second time", e);
		}
		int created = (int) accepted.stream().filter(Accepted::created).count();
		transactions.run(municipality, () -> audit.record(AuditEvent.of(municipality, "cases.imported", "procedure", procedure.id())
			.with("version", String.valueOf(procedure.version())).with("rows", String.valueOf(survey.rows()))
			.with("accepted", String.valueOf(accepted.size())).with("created", String.valueOf(created))
			.with("rejected", String.valueOf(rejected.size())).with("encoding", survey.charset().name())
			.with("sha256", hex(sha256(bytes)))));
		return new Result(accepted.size(), created, accepted, rejected);
	}

	private void take(String municipality, Procedure procedure, CsvColumns columns, CsvRows.Row row, List<Accepted> accepted,
			List<Rejected> rejected) {
		var damage = new ArrayList<Problem>();
		if (row.width() != columns.size()) {
			damage.add(Problem.of("row", "columns", columns.size(), row.width()));
		}
		if (CsvRows.QUOTE.equals(row.problem())) {
			damage.add(Problem.of("row", "quote"));
		} else if (CsvRows.TOO_LONG.equals(row.problem())) {
			String at = row.problemCell() < columns.size() ? "data." + columns.path(row.problemCell()) : "row";
			damage.add(Problem.of(at, "too_long", MAX_CELL));
		}
		if (!damage.isEmpty()) {
			rejected.add(new Rejected(row.line(), damage));
			return;
		}
		var converted = columns.data(row.cells());
		if (!converted.problems().isEmpty()) {
			rejected.add(new Rejected(row.line(), alongside(procedure, converted)));
			return;
		}
		try {
			var intake = cases.open(municipality, key(municipality, procedure, row.line(), converted.data()), procedure.id(),
					Channel.CSV.wire(), converted.data());
			accepted.add(new Accepted(row.line(), intake.caseNumber(), intake.created()));
		} catch (InvalidInput e) {
			rejected.add(new Rejected(row.line(), e.problems()));
		} catch (Conflict e) {
			rejected.add(new Rejected(row.line(), List.of(e.problem())));
		}
	}

	/** A cell that could not be converted, with whatever else the form finds wrong, so one try shows all. */
	private static List<Problem> alongside(Procedure procedure, CsvColumns.Converted converted) {
		var problems = new ArrayList<>(converted.problems());
		Set<String> reported = Set.copyOf(problems.stream().map(Problem::path).toList());
		procedure.check(converted.data(), LocalDate.now(Cases.TOKYO)).problems().stream()
			.filter(p -> !reported.contains(p.path())).forEach(problems::add);
		return problems;
	}

	/** Reads the whole file before any row is imported: finds its encoding and its header, and counts its rows. */
	private static Survey survey(byte[] bytes, List<Charset> encodings) {
		for (Charset charset : encodings) {
			try {
				return survey(bytes, charset);
			} catch (CharacterCodingException e) {
				// not this encoding: try the next, or answer below
			} catch (IOException e) {
				throw new UncheckedIOException("a byte array cannot fail to read", e);
			}
		}
		throw new InvalidInput("body", "encoding");
	}

	private static Survey survey(byte[] bytes, Charset charset) throws IOException {
		CsvRows.Row header = null;
		int count = 0;
		var rows = CsvRows.of(bytes, charset, MAX_CELL, MAX_COLUMNS);
		for (var row = rows.next(); row != null; row = rows.next()) {
			if (row.blank()) {
				continue;
			}
			if (header == null) {
				header = row;
			} else {
				count++;
			}
		}
		if (header == null) {
			throw new InvalidInput("body", "required");
		}
		if (header.width() > MAX_COLUMNS) {
			throw new InvalidInput("header", "too_many", MAX_COLUMNS);
		}
		if (header.problem() != null) {
			throw new InvalidInput("header[" + header.problemCell() + "]", header.problem(), MAX_CELL);
		}
		if (count > MAX_ROWS) {
			throw new InvalidInput("body", "too_many", MAX_ROWS);
		}
		return new Survey(charset, header, count);
	}

	/** Same file, same line, same content: same key, whatever order the columns came in (see CsvColumns). */
	private static String key(String municipality, Procedure procedure, int line, ObjectNode data) {
		String content = municipality + "\n" + procedure.id() + "\n" + line + "\n" + Cases.JSON.writeValueAsString(data);
		return "csv-" + hex(sha256(content.getBytes(UTF_8)));
	}

	private static byte[] sha256(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java runtime has SHA-256", e);
		}
	}

	private static String hex(byte[] bytes) {
		return HexFormat.of().formatHex(bytes);
	}
}
