package org.madoguchi.benefits;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.madoguchi.audit.AuditEvent;
import org.madoguchi.audit.AuditTrail;
import org.madoguchi.platform.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * What the staff screens read about applications: lists by status (numbers and problems, no names), one
 * household's applications with its members as registered, and a suspected duplicate beside the live one.
 * Account numbers only ever leave here masked; the reads that show names or holders are audited.
 */
@Service
public class ApplicationRecords {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient db;
	private final BenefitProgrammes programmes;
	private final AuditTrail audit;

	ApplicationRecords(JdbcClient db, BenefitProgrammes programmes, AuditTrail audit) {
		this.db = db;
		this.programmes = programmes;
		this.audit = audit;
	}

	/** One deficiency: the form's field and what is wrong with it, as the settlement and corrections store them. */
	public record Problem(String path, String code) {

		/** The problems as the application's {@code problems} column keeps them: a JSON array of {path, code}. */
		static List<Problem> listOf(String json) {
			var problems = new ArrayList<Problem>();
			for (var problem : JSON.readTree(json)) {
				problems.add(new Problem(problem.get("path").asString(), problem.get("code").asString()));
			}
			return List.copyOf(problems);
		}
	}

	/** An application as stored, its account masked. */
	public record Application(long id, String applicationNumber, String householdId, String channel, String status,
			LocalDate receivedOn, List<String> declined, int personsPaid, long amount, String bankCode, String branchCode,
			String accountType, String accountMasked, String holderKana, String phoneMasked, List<Problem> problems,
			String approvedBy, LocalDate transferDate, String returnedReason) {

		public String formattedNumber() {
			return new ApplicationNumber(applicationNumber).formatted();
		}
	}

	public record Member(String residentId, boolean head, String relationship, String name, String nameKana) {
	}

	/** A household of the snapshot with every application it made, the one that speaks for it first. */
	public record HouseholdFile(String householdId, String applicationNumber, int persons, List<Member> members,
			List<Application> applications) {

		public Optional<Application> current() {
			return applications.stream().findFirst();
		}
	}

	/** A held application and the household's live one (absent when that was refused meanwhile). */
	public record DuplicatePair(Application held, Optional<Application> live, int persons) {
	}

	/** The states the staff screens' lists show, which V22's partial index covers. */
	private static final List<String> WAITING_STATES = List.of("checking", "correction-needed", "returned", "duplicate");
	private static final String WAITING = WAITING_STATES.stream().collect(Collectors.joining("', '", "status in ('", "')"));

	private static final String COLUMNS = """
			id, application_number, household_id, channel, status, received_on, declined, persons_paid, amount, bank_code,
			branch_code, account_type, account_masked, holder_kana, phone_masked, problems::text as problems, approved_by,
			transfer_date, returned_reason""";

	/**
	 * One page of a list: its rows, how many of the list come before them and how many it holds in all, read in
	 * one snapshot so the three agree.
	 */
	public record Page(List<Application> items, long before, long total, boolean more) {

		public Page {
			items = List.copyOf(items);
		}

		public Optional<ApplicationCursor> next() {
			return more ? Optional.of(ApplicationCursor.of(items.getLast())) : Optional.empty();
		}

		public Optional<ApplicationCursor> previous() {
			return before > 0 && !items.isEmpty() ? Optional.of(ApplicationCursor.of(items.getFirst())) : Optional.empty();
		}
	}

	/**
	 * A page of the applications of a programme in the given states, oldest first; no names, so not audited. A
	 * next page that comes out empty, or a previous one that comes out short, because applications were settled
	 * meanwhile is the first page instead: a stale link still shows work.
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public Page inStatus(String municipality, String programmeId, List<String> statuses, ListPosition position) {
		programmes.get(municipality, programmeId);
		if (!WAITING_STATES.containsAll(statuses)) {
			throw new IllegalArgumentException("the lists show the states that wait for a person, not " + statuses);
		}
		// one state is compared with "=": the planner takes "= any" even of one element as a set and sorts every row in
		// that state, where "=" reads the waiting index (V22) in the list's order and stops after the page; WAITING
		// spelled out lets the planner use that partial index whatever the parameters are
		String inStates = (statuses.size() == 1 ? "status = ?" : "status = any (?)") + " and " + WAITING;
		Object states = statuses.size() == 1 ? statuses.getFirst() : statuses.toArray(String[]::new);
		var params = new ArrayList<Object>(List.of(municipality, programmeId, states));
		String sql = "select " + COLUMNS + " from benefit_application where tenant_id = ? and programme_id = ? and " + inStates;
		boolean backwards = position.before() != null;
		var cursor = backwards ? position.before() : position.after();
		if (cursor != null) {
			sql += backwards ? " and (received_on, id) < (?, ?)" : " and (received_on, id) > (?, ?)";
			params.addAll(List.of(cursor.receivedOn(), cursor.id()));
		}
		sql += backwards ? " order by received_on desc, id desc limit ?" : " order by received_on, id limit ?";
		params.add(position.size());
		var rows = db.sql(sql).params(params).query((row, n) -> application(row)).list();
		if (cursor != null && (rows.isEmpty() || backwards && rows.size() < position.size())) {
			return inStatus(municipality, programmeId, statuses, position.firstPage());
		}
		if (rows.isEmpty()) {
			return new Page(List.of(), 0, 0, false);
		}
		var items = backwards ? rows.reversed() : rows;
		var first = ApplicationCursor.of(items.getFirst());
		record Counts(long before, long total) {
		}
		var counts = db.sql("select count(*) filter (where (received_on, id) < (?, ?)) as before, count(*) as total"
				+ " from benefit_application where tenant_id = ? and programme_id = ? and " + inStates)
			.params(first.receivedOn(), first.id(), municipality, programmeId, states).query(Counts.class).single();
		return new Page(items, counts.before(), counts.total(), counts.before() + items.size() < counts.total());
	}

	/** The household the form's number names, with its members' names: an audited read of personal data. */
	@Transactional
	public HouseholdFile household(String municipality, String programmeId, ApplicationNumber number) {
		programmes.get(municipality, programmeId);
		record Row(String householdId, int persons) {
		}
		var household = db.sql("""
				select household_id, persons from benefit_household where tenant_id = ? and programme_id = ? and application_number = ?
				""").params(municipality, programmeId, number.value()).query(Row.class).optional()
			.orElseThrow(() -> new NotFound("applicationNumber"));
		var members = db.sql("""
				select resident_id, is_head, relationship, name, name_kana from benefit_member
				where tenant_id = ? and programme_id = ? and household_id = ? order by is_head desc, resident_id
				""").params(municipality, programmeId, household.householdId())
			.query((row, n) -> new Member(row.getString(1), row.getBoolean(2), row.getString(3), row.getString(4), row.getString(5)))
			.list();
		// the same order as the resident's status look-up: the live application speaks for the household
		var applications = db.sql("select " + COLUMNS + """
				 from benefit_application where tenant_id = ? and programme_id = ? and household_id = ?
				order by status not in ('duplicate', 'rejected') desc, status = 'duplicate' desc, id desc""")
			.params(municipality, programmeId, household.householdId()).query((row, n) -> application(row)).list();
		audit.record(AuditEvent.of(municipality, "benefit.household.shown", "benefit-household", household.householdId())
			.with("channel", "staff-page").with("programme", programmeId).with("applicationNumber", number.value()));
		return new HouseholdFile(household.householdId(), number.value(), household.persons(), members, applications);
	}

	/** A suspected duplicate beside the household's live application; holders are shown, so the read is audited. */
	@Transactional
	public DuplicatePair duplicate(String municipality, String programmeId, long id) {
		programmes.get(municipality, programmeId);
		var held = db.sql("select " + COLUMNS + " from benefit_application where tenant_id = ? and programme_id = ? and id = ?")
			.params(municipality, programmeId, id).query((row, n) -> application(row)).optional()
			.filter(a -> a.status().equals("duplicate")).orElseThrow(() -> new NotFound("id"));
		var live = db.sql("select " + COLUMNS + """
				 from benefit_application where tenant_id = ? and programme_id = ? and household_id = ?
				and status not in ('duplicate', 'rejected')""").params(municipality, programmeId, held.householdId())
			.query((row, n) -> application(row)).optional();
		int persons = db.sql("select persons from benefit_household where tenant_id = ? and programme_id = ? and household_id = ?")
			.params(municipality, programmeId, held.householdId()).query(Integer.class).single();
		audit.record(AuditEvent.of(municipality, "benefit.duplicate.shown", "benefit-application", held.applicationNumber())
			.with("id", Long.toString(id)).with("programme", programmeId));
		return new DuplicatePair(held, live, persons);
	}

	private static Application application(ResultSet row) throws SQLException {
		var declined = row.getArray("declined");
		return new Application(row.getLong("id"), row.getString("application_number"), row.getString("household_id"),
				row.getString("channel"), row.getString("status"), row.getObject("received_on", LocalDate.class),
				declined == null ? List.of() : Arrays.asList((String[]) declined.getArray()), row.getInt("persons_paid"),
				row.getLong("amount"), row.getString("bank_code"), row.getString("branch_code"), row.getString("account_type"),
				row.getString("account_masked"), row.getString("holder_kana"), row.getString("phone_masked"), Problem.listOf(row.getString("problems")),
				row.getString("approved_by"), row.getObject("transfer_date", LocalDate.class), row.getString("returned_reason"));
	}
}
