package org.madoguchi.benefits;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.madoguchi.japan.ZenginText;
import org.madoguchi.payments.AccountType;
import org.madoguchi.payments.BankDirectory;
import org.madoguchi.payments.Payer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code benefit_programme}: row-level security keeps each city to its own programmes. */
@Repository
class ProgrammeRows {

	private static final String COLUMNS = """
			tenant_id, id, ordinal, name, reference_date, amount_per_person, application_start, application_end, manual_check,
			payer_requester_code, payer_name, payer_bank_code, payer_branch_code, payer_account_type, payer_account_number,
			snapshot_at is not null as snapshot_taken""";

	private final JdbcClient db;

	ProgrammeRows(JdbcClient db) {
		this.db = db;
	}

	Optional<Programme> find(String municipality, String id) {
		return db.sql("select " + COLUMNS + " from benefit_programme where tenant_id = ? and id = ?").params(municipality, id)
			.query((row, n) -> programme(row)).optional();
	}

	List<Programme> all(String municipality) {
		return db.sql("select " + COLUMNS + " from benefit_programme where tenant_id = ? order by ordinal").param(municipality)
			.query((row, n) -> programme(row)).list();
	}

	void insert(String municipality, int ordinal, ProgrammeCheck.Checked p, String by) {
		var payer = p.payer();
		db.sql("""
				insert into benefit_programme (tenant_id, id, ordinal, name, reference_date, amount_per_person, application_start,
				    application_end, manual_check, payer_requester_code, payer_name, payer_bank_code, payer_branch_code,
				    payer_account_type, payer_account_number, created_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""").params(municipality, p.id(), ordinal, p.name(), p.referenceDate(), p.amountPerPerson(), p.applicationStart(),
				p.applicationEnd(), p.manualCheck(), payer.requesterCode(), payer.name().value(), payer.account().bankCode(),
				payer.account().branchCode(), payer.account().type().code(), payer.account().number(), by).update();
	}

	boolean sameDefinition(Programme stored, ProgrammeCheck.Checked given) {
		return stored.name().equals(given.name()) && stored.referenceDate().equals(given.referenceDate())
				&& stored.amountPerPerson() == given.amountPerPerson() && stored.applicationStart().equals(given.applicationStart())
				&& stored.applicationEnd().equals(given.applicationEnd()) && stored.manualCheck() == given.manualCheck()
				&& Objects.equals(stored.payer(), given.payer());
	}

	/** Two administrators creating programmes at once would otherwise draw the same ordinal. */
	void lockCity(String municipality) {
		db.sql("select pg_advisory_xact_lock(hashtext('benefit_programme'), hashtext(?)) is null").param(municipality)
			.query(Boolean.class).single();
	}

	void lockProgramme(String municipality, String id) {
		db.sql("select id from benefit_programme where tenant_id = ? and id = ? for update").params(municipality, id)
			.query(String.class).single();
	}

	boolean snapshotTaken(String municipality, String id) {
		return db.sql("select snapshot_at is not null from benefit_programme where tenant_id = ? and id = ?").params(municipality, id)
			.query(Boolean.class).single();
	}

	private static Programme programme(ResultSet row) throws SQLException {
		var account = BankDirectory.shipped().account(row.getString("payer_bank_code"), row.getString("payer_branch_code"),
				AccountType.ofCode(row.getString("payer_account_type")), row.getString("payer_account_number"));
		var payer = new Payer(row.getString("payer_requester_code"), ZenginText.of(row.getString("payer_name")), account);
		return new Programme(row.getString("tenant_id"), row.getString("id"), row.getInt("ordinal"), row.getString("name"),
				row.getObject("reference_date", java.time.LocalDate.class), row.getLong("amount_per_person"),
				row.getObject("application_start", java.time.LocalDate.class),
				row.getObject("application_end", java.time.LocalDate.class), row.getBoolean("manual_check"), payer,
				row.getBoolean("snapshot_taken"));
	}
}
