package org.madoguchi.benefits;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.madoguchi.platform.Problem;
import org.madoguchi.platform.database.BulkCopy;
import org.madoguchi.privacy.PersonalDataKind;
import org.madoguchi.privacy.PersonalDataVault;
import org.madoguchi.privacy.PersonalValue;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.json.JsonMapper;

/**
 * Turns submissions into applications, set-based: they are checked in Java a chunk at a time, their
 * accounts sealed in the vault in bulk, COPY'd into a temporary table, and {@link #settle} decides every
 * status in one statement against the eligibility snapshot. A mailed batch and a single online form take
 * the same road, so both get the same checks and the same duplicate control. Runs in the caller's transaction.
 */
final class ApplicationLoad {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** From this many staged rows on, the load analyses its tables: a statement costs less than a bad plan. */
	static final int BULK = 10_000;

	private final JdbcClient db;
	private final DataSource dataSource;
	private final PersonalDataVault vault;
	private final Programme programme;
	private int staged;

	ApplicationLoad(JdbcClient db, DataSource dataSource, PersonalDataVault vault, Programme programme) {
		this.db = db;
		this.dataSource = dataSource;
		this.vault = vault;
		this.programme = programme;
		db.sql("""
				create temporary table if not exists benefit_intake_load (
				    line integer, channel text, intake_key text, application_number text, received_on date, declined text,
				    bank_code text, branch_code text, account_type text, account_ref bigint, account_masked text,
				    holder_kana text, holder_zengin text, phone_ref bigint, phone_masked text, applicant text, problems text
				) on commit drop
				""").update();
		db.sql("truncate benefit_intake_load").update();
	}

	/**
	 * Stages a chunk; answers the submissions whose application number is not one of the programme's forms
	 * (the caller rejects them). Submissions already recorded under the same intake key are left out.
	 */
	List<Submission> stage(List<Submission> chunk) {
		var numbers = chunk.stream().map(s -> s.applicationNumber().value()).distinct().toArray(String[]::new);
		Set<String> known = new HashSet<>(db.sql("""
				select application_number from benefit_household
				where tenant_id = ? and programme_id = ? and application_number = any (?)
				""").params(programme.municipality(), programme.id(), numbers).query(String.class).list());
		var keys = chunk.stream().map(Submission::intakeKey).toArray(String[]::new);
		Set<String> recorded = new HashSet<>(db.sql("""
				select intake_key from benefit_application where tenant_id = ? and programme_id = ? and intake_key = any (?)
				""").params(programme.municipality(), programme.id(), keys).query(String.class).list());
		var unknown = new ArrayList<Submission>();
		var fresh = new ArrayList<Submission>();
		for (Submission submission : chunk) {
			if (!known.contains(submission.applicationNumber().value())) {
				unknown.add(submission);
			} else if (recorded.add(submission.intakeKey())) {
				fresh.add(submission);
			}
		}
		var accounts = sealed(fresh.stream().filter(s -> s.account() != null).map(s -> s.account().number()).toList(),
				PersonalDataKind.BANK_ACCOUNT);
		var phones = sealed(fresh.stream().filter(s -> s.phone() != null).map(Submission::phone).toList(), PersonalDataKind.PHONE);
		int a = 0;
		int p = 0;
		try (var copy = BulkCopy.into(dataSource, """
				copy benefit_intake_load (line, channel, intake_key, application_number, received_on, declined, bank_code, branch_code,
				    account_type, account_ref, account_masked, holder_kana, holder_zengin, phone_ref, phone_masked, applicant, problems)
				from stdin""")) {
			for (Submission s : fresh) {
				var account = s.account() == null ? null : accounts.get(a++);
				var phone = s.phone() == null ? null : phones.get(p++);
				copy.number((long) s.line()).text(s.channel()).text(s.intakeKey()).text(s.applicationNumber().value()).date(s.receivedOn())
					.text(String.join("|", s.declined()))
					.text(s.account() == null ? null : s.account().bankCode())
					.text(s.account() == null ? null : s.account().branchCode())
					.text(s.account() == null ? null : s.account().type().code())
					.number(account == null ? null : (Long) account.id()).text(account == null ? null : account.masked())
					.text(s.holderKana()).text(s.holder() == null ? null : s.holder().value())
					.number(phone == null ? null : (Long) phone.id()).text(phone == null ? null : phone.masked())
					.text(s.applicantResidentId()).text(json(s.problems())).endRow();
			}
			copy.finish();
		}
		staged += fresh.size();
		return unknown;
	}

	int staged() {
		return staged;
	}

	/** Inserts the staged applications and answers how many got each status. */
	Map<String, Integer> settle() {
		if (staged >= BULK) {
			// statistics for the join below; a bulk file is many times what autovacuum last saw
			db.sql("analyze benefit_intake_load").update();
		}
		var counts = new LinkedHashMap<String, Integer>();
		db.sql(ApplicationSettlement.SQL)
			.params(programme.amountPerPerson(), programme.applicationStart(), programme.applicationEnd(), programme.manualCheck(),
					programme.municipality(), programme.id())
			.query(row -> {
				counts.merge(row.getString(1), 1, Integer::sum);
			});
		if (staged >= BULK) {
			db.sql("analyze benefit_application").update();
		}
		return counts;
	}

	private List<PersonalValue> sealed(List<String> values, PersonalDataKind kind) {
		return values.isEmpty() ? List.of() : vault.storeAll(programme.municipality(), kind, values);
	}

	private static String json(List<Problem> problems) {
		var list = new ArrayList<Map<String, String>>();
		for (Problem problem : problems) {
			list.add(Map.of("path", problem.path(), "code", problem.code()));
		}
		return JSON.writeValueAsString(list);
	}
}
