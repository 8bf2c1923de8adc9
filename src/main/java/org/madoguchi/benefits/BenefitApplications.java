package org.madoguchi.benefits;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.madoguchi.audit.AuditEvent;
import org.madoguchi.audit.AuditTrail;
import org.madoguchi.platform.Conflict;
import org.madoguchi.platform.InvalidInput;
import org.madoguchi.platform.Problem;
import org.madoguchi.platform.csv.CsvEncoding;
import org.madoguchi.platform.csv.CsvRows;
import org.madoguchi.privacy.PersonalDataVault;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applications for a benefit: the scanning vendor's file of mailed forms, checked and stored in one
 * transaction (a file is taken whole or not at all, so a retry after a failure repeats nothing), and
 * the official's bulk approval.
 */
@Service
public class BenefitApplications {

	/** Rows checked in Java and sealed in the vault per round trip. */
	static final int CHUNK = 20_000;

	private final JdbcClient db;
	private final DataSource dataSource;
	private final PersonalDataVault vault;
	private final BenefitProgrammes programmes;
	private final AuditTrail audit;
	private final ApplicationCases cases;

	BenefitApplications(JdbcClient db, DataSource dataSource, PersonalDataVault vault, BenefitProgrammes programmes, AuditTrail audit,
			ApplicationCases cases) {
		this.cases = cases;
		this.db = db;
		this.dataSource = dataSource;
		this.vault = vault;
		this.programmes = programmes;
		this.audit = audit;
	}

	/** What an import did: rows accepted (new or seen before), new applications by status, rows rejected. */
	public record ImportResult(int accepted, int created, Map<String, Integer> statuses, List<Rejected> rejected) {
	}

	public record Rejected(int line, List<Problem> errors) {
	}

	@Transactional
	public ImportResult importMailed(String municipality, String programmeId, String encoding, InputStream body) throws IOException {
		var programme = programmes.get(municipality, programmeId);
		if (!programme.snapshotTaken()) {
			throw new Conflict(409, "id", "snapshot_missing");
		}
		var detected = CsvEncoding.detect(CsvEncoding.named(encoding), body);
		var rows = CsvRows.of(detected.in(), detected.charset(), MailedRow.MAX_CELL, MailedRow.HEADER.size() + 1);
		var rejected = new ArrayList<Rejected>();
		var load = new ApplicationLoad(db, dataSource, vault, programme);
		int accepted = 0;
		try {
			header(rows.next());
			var chunk = new ArrayList<Submission>(CHUNK);
			for (var row = rows.next(); row != null; row = rows.next()) {
				if (row.blank()) {
					continue;
				}
				if (row.problem() != null || row.width() != MailedRow.HEADER.size()) {
					rejected.add(new Rejected(row.line(), List.of(Problem.of("row", row.problem() != null ? row.problem() : "columns"))));
					continue;
				}
				try {
					chunk.add(MailedRow.read(row.line(), row.cells()));
				} catch (InvalidInput e) {
					rejected.add(new Rejected(row.line(), e.problems()));
				}
				if (chunk.size() == CHUNK) {
					accepted += stage(load, chunk, rejected);
				}
			}
			accepted += stage(load, chunk, rejected);
		} catch (CharacterCodingException e) {
			throw new InvalidInput("body", "encoding");
		}
		var statuses = load.settle();
		int created = statuses.values().stream().mapToInt(Integer::intValue).sum();
		rejected.sort((a, b) -> Integer.compare(a.line(), b.line()));
		var event = AuditEvent.of(municipality, "benefit.applications.imported", "benefit-programme", programmeId)
			.with("channel", "mail").with("accepted", Integer.toString(accepted)).with("created", Integer.toString(created))
			.with("rejected", Integer.toString(rejected.size()));
		for (var status : statuses.entrySet()) {
			event = event.with(status.getKey(), Integer.toString(status.getValue()));
		}
		audit.record(event);
		cases.openAfterCommit(municipality, programmeId);
		return new ImportResult(accepted, created, statuses, rejected);
	}

	private static int stage(ApplicationLoad load, List<Submission> chunk, List<Rejected> rejected) {
		if (chunk.isEmpty()) {
			return 0;
		}
		var unknown = load.stage(chunk);
		unknown.forEach(s -> rejected.add(new Rejected(s.line(), List.of(Problem.of("application_number", "unknown_application")))));
		int accepted = chunk.size() - unknown.size();
		chunk.clear();
		return accepted;
	}

	private static void header(CsvRows.Row header) {
		if (header == null || header.problem() != null) {
			throw new InvalidInput("body", "header");
		}
		var names = header.cells().stream().map(String::strip).toList();
		if (!names.equals(MailedRow.HEADER)) {
			throw new InvalidInput("body", "header", String.join(",", MailedRow.HEADER));
		}
	}
}
