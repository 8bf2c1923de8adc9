package org.madoguchi.residents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

import javax.sql.DataSource;

import org.madoguchi.audit.AuditEvent;
import org.madoguchi.audit.AuditTrail;
import org.madoguchi.platform.Caller;
import org.madoguchi.platform.InvalidInput;
import org.madoguchi.platform.Problem;
import org.madoguchi.platform.ScopedTransactions;
import org.madoguchi.platform.csv.CsvEncoding;
import org.madoguchi.platform.csv.CsvRows;
import org.madoguchi.privacy.PersonalDataKind;
import org.madoguchi.privacy.PersonalDataVault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Applies a register extract (CSV, UTF-8 or CP932) in one transaction: rows are checked while the file
 * streams in, good ones COPY'd to a staging table, then merged with set-based SQL (see {@link RegisterMerge}).
 * A bad row is reported with its line and left out; the good ones are kept. Whole-file faults (encoding,
 * header, too many bad rows) write nothing.
 */
@Service
public class RegisterImport {

	private static final Logger log = LoggerFactory.getLogger(RegisterImport.class);

	public static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
	/** A file with more bad rows than this is the wrong file: refused whole rather than half-applied. */
	public static final int MAX_REJECTED = 10_000;
	/** For this transaction only; a city of 1.5 million residents needs about 400 MB to compare in memory. */
	static final String WORK_MEM = "512MB";

	/** {@code rejected} lists each row left out, by its line in the file (the header is line 1). */
	public record Result(long extractId, int accepted, int created, int changed, int unchanged, List<Rejected> rejected) {
	}

	public record Rejected(int line, List<Problem> errors) {
	}

	private final JdbcClient db;
	private final DataSource dataSource;
	private final ScopedTransactions transactions;
	private final PersonalDataVault vault;
	private final AuditTrail audit;

	RegisterImport(JdbcClient db, DataSource dataSource, ScopedTransactions transactions, PersonalDataVault vault,
			AuditTrail audit) {
		this.db = db;
		this.dataSource = dataSource;
		this.transactions = transactions;
		this.vault = vault;
		this.audit = audit;
	}

	/**
	 * Imports an extract dated {@code asOf} (null: today in Tokyo), the date from which the changes it brings
	 * count. {@code encoding} names the file's encoding, or null to detect UTF-8 or CP932.
	 */
	public Result run(String municipality, String encoding, LocalDate asOf, InputStream body) {
		var named = CsvEncoding.named(encoding);
		LocalDate date = asOf == null ? LocalDate.now(TOKYO) : asOf;
		var digest = new DigestInputStream(body, sha256());
		try {
			var file = CsvEncoding.detect(named, digest);
			return transactions.call(municipality, () -> load(municipality, date, file, digest));
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		} catch (UncheckedIOException e) {
			if (e.getCause() instanceof CharacterCodingException) {
				throw new InvalidInput("body", "encoding");
			}
			throw e;
		}
	}

	private Result load(String municipality, LocalDate asOf, CsvEncoding.Detected file, DigestInputStream digest) {
		// one import per city at a time: two merges of the same residents would each close the other's versions
		db.sql("select pg_advisory_xact_lock(hashtext('register:' || ?))").param(municipality).query().singleValue();
		// the comparison hashes the whole register: in memory it takes seconds, spilled to disk minutes
		db.sql("select set_config('work_mem', ?, true)").param(WORK_MEM).query().singleValue();
		long extractId = db.sql("""
				insert into register_extract (tenant_id, as_of, imported_by, accepted, rejected, created, changed, unchanged)
				values (?, ?, ?, 0, 0, 0, 0, 0) returning id
				""").params(municipality, asOf, Caller.current().map(Caller::username).orElse("system")).query(Long.class).single();
		var rows = CsvRows.of(file.in(), file.charset(), ExtractRows.MAX_CELL, ExtractRows.COLUMNS.size() + 1);
		var rejected = new ArrayList<Rejected>();
		var clock = new PhaseClock();
		Counts counts;
		if (FirstLoad.applies(db, municipality)) {
			try (var load = FirstLoad.begin(db, dataSource, vault, municipality, extractId)) {
				stage(rows, load, rejected);
				clock.lap("read");
				int sealed = load.endCopy();
				clock.lap("write");
				load.attach();
				clock.lap("index");
				counts = new Counts(load.rows(), load.rows(), 0, sealed);
			}
		} else {
			counts = merge(municipality, asOf, extractId, rows, rejected, clock);
		}
		rejected.sort(Comparator.comparingInt(Rejected::line));
		int unchanged = counts.accepted() - counts.created() - counts.changed();
		db.sql("""
				update register_extract set accepted = ?, rejected = ?, created = ?, changed = ?, unchanged = ?
				where tenant_id = ? and id = ?
				""").params(counts.accepted(), rejected.size(), counts.created(), counts.changed(), unchanged, municipality, extractId)
			.update();
		audit.record(AuditEvent.of(municipality, "register.imported", "register-extract", Long.toString(extractId))
			.with("asOf", asOf.toString()).with("accepted", Integer.toString(counts.accepted()))
			.with("rejected", Integer.toString(rejected.size())).with("created", Integer.toString(counts.created()))
			.with("changed", Integer.toString(counts.changed())).with("unchanged", Integer.toString(unchanged))
			.with("myNumbersSealed", Integer.toString(counts.sealed())).with("encoding", file.charset().name())
			.with("sha256", HexFormat.of().formatHex(digest.getMessageDigest().digest())));
		log.info("Register extract {} of {}: {} rows accepted ({} new, {} changed), {} rejected, {} My Numbers sealed; {}", extractId,
				municipality, counts.accepted(), counts.created(), counts.changed(), rejected.size(), counts.sealed(), clock);
		return new Result(extractId, counts.accepted(), counts.created(), counts.changed(), unchanged, rejected);
	}

	private record Counts(int accepted, int created, int changed, int sealed) {
	}

	/** A later extract: staged, compared with the register, and merged where it differs. */
	private Counts merge(String municipality, LocalDate asOf, long extractId, CsvRows rows, List<Rejected> rejected,
			PhaseClock clock) {
		var merge = new RegisterMerge(db, municipality, asOf, extractId);
		try (var staging = RegisterStaging.open(db, dataSource, vault.fingerprints(municipality, PersonalDataKind.MY_NUMBER))) {
			stage(rows, staging, rejected);
			staging.finish();
			clock.lap("stage");
			merge.compare();
			clock.lap("compare");
			var outdated = merge.outdated();
			rejected.addAll(outdated);
			int sealed = seal(municipality, merge.needingMyNumber(), staging);
			clock.lap("seal");
			var merged = merge.apply();
			clock.lap("merge");
			return new Counts(staging.rows() - outdated.size(), merged.created(), merged.changed(), sealed);
		}
	}

	/** Checks every row as it streams in and stages the good ones; a resident_id seen before is rejected. */
	private static void stage(CsvRows rows, ExtractLoad load, List<Rejected> rejected) {
		ExtractRows columns = null;
		var seen = new SeenIds();
		try {
			for (var row = rows.next(); row != null; row = rows.next()) {
				if (row.blank()) {
					continue;
				}
				if (columns == null) {
					if (row.problem() != null) {
						throw new InvalidInput("header[" + row.problemCell() + "]", row.problem(), ExtractRows.MAX_CELL);
					}
					columns = ExtractRows.of(row.cells());
					continue;
				}
				switch (columns.check(row)) {
					case ExtractRows.Good good -> {
						if (seen.add(good.row().residentId())) {
							load.add(good.row());
						} else {
							rejected.add(new Rejected(row.line(), List.of(Problem.of("resident_id", "duplicate"))));
						}
					}
					case ExtractRows.Bad bad -> rejected.add(new Rejected(bad.line(), bad.problems()));
				}
				if (rejected.size() > MAX_REJECTED) {
					throw new InvalidInput("body", "too_many_rejected", MAX_REJECTED);
				}
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		if (columns == null) {
			throw new InvalidInput("body", "required");
		}
	}

	/** Seals the My Numbers the register does not have yet, and stages the seals for the merge. */
	private int seal(String municipality, int[] seqs, RegisterStaging staging) {
		var sealing = vault.sealing(municipality, PersonalDataKind.MY_NUMBER);
		staging.seal(seqs, seq -> sealing.seal(staging.myNumber(seq)));
		return sealing.recorded("resident");
	}

	/** Where an import spends its time, for the log: the phases differ by orders of magnitude between cities. */
	private static final class PhaseClock {

		private final StringBuilder laps = new StringBuilder();
		private long last = System.nanoTime();

		void lap(String phase) {
			long now = System.nanoTime();
			laps.append(laps.isEmpty() ? "" : ", ").append(phase).append(' ').append((now - last) / 1_000_000).append(" ms");
			last = now;
		}

		@Override
		public String toString() {
			return laps.toString();
		}
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java runtime has SHA-256", e);
		}
	}
}
