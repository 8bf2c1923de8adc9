package org.madoguchi.benefits;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.madoguchi.audit.AuditEvent;
import org.madoguchi.audit.AuditTrail;
import org.madoguchi.documents.PrintedPages;
import org.madoguchi.platform.Conflict;
import org.madoguchi.platform.InvalidInput;
import org.madoguchi.tenancy.Municipalities;
import org.madoguchi.tenancy.Municipality;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The pre-printed application forms (申請書) of a programme as a PDF, one A4 page per household, for the
 * print run: households in application-number order from the {@code from}-th, at most {@value #MAX_COUNT}
 * per file so a file stays a size a print shop accepts and a request stays short.
 *
 * <p>The households are read and the export audited in one transaction; the typesetting, which takes far
 * longer, runs after it so that no database connection waits on it.
 */
@Service
public class ApplicationForms {

	public static final int MAX_COUNT = 500;
	public static final int DEFAULT_COUNT = 100;
	static final String TEMPLATE = "benefits/application-forms";

	private final JdbcClient db;
	private final BenefitProgrammes programmes;
	private final Municipalities municipalities;
	private final AuditTrail audit;
	private final PrintedPages pages;
	private final TransactionTemplate transaction;

	ApplicationForms(JdbcClient db, BenefitProgrammes programmes, Municipalities municipalities, AuditTrail audit, PrintedPages pages,
			PlatformTransactionManager transactions) {
		this.db = db;
		this.programmes = programmes;
		this.municipalities = municipalities;
		this.audit = audit;
		this.pages = pages;
		this.transaction = new TransactionTemplate(transactions);
	}

	/** The forms of the {@code count} households from the {@code from}-th (1 is the first) in application-number order. */
	public byte[] pdf(String municipality, String programmeId, int from, int count) {
		var problems = new InvalidInput.Collector();
		if (from < 1) {
			problems.add("from", "out_of_range");
		}
		if (count < 1 || count > MAX_COUNT) {
			problems.add("count", "out_of_range");
		}
		problems.throwIfAny();
		var batch = transaction.execute(status -> read(municipality, programmeId, from, count));
		return pages.render(TEMPLATE, batch, "forms " + programmeId + " from " + from);
	}

	private Map<String, Object> read(String municipality, String programmeId, int from, int count) {
		var programme = programmes.get(municipality, programmeId);
		if (!programme.snapshotTaken()) {
			throw new Conflict(409, "id", "snapshot_missing");
		}
		List<FormSheet> forms = households(programme, from, count);
		if (forms.isEmpty()) {
			throw new InvalidInput("from", "out_of_range");
		}
		// what was printed, by position and number range: no name or address belongs in the trail
		audit.record(AuditEvent.of(municipality, "benefit.forms.printed", "benefit-programme", programmeId)
			.with("from", Integer.toString(from))
			.with("count", Integer.toString(forms.size()))
			.with("first", forms.getFirst().number())
			.with("last", forms.getLast().number()));
		String city = municipalities.find(municipality).map(Municipality::name).orElse(municipality);
		return values(city, programme, forms);
	}

	/** What the template reads besides the forms: the same heading and rules on every page. */
	static Map<String, Object> values(String city, Programme programme, List<FormSheet> forms) {
		var values = new LinkedHashMap<String, Object>();
		values.put("municipality", city);
		values.put("programme", programme.name());
		values.put("referenceDate", programme.referenceDate());
		values.put("amountPerPerson", FormSheet.yen(programme.amountPerPerson()));
		values.put("forms", forms);
		return values;
	}

	private record HouseholdRow(String applicationNumber, String postalCode, String address, int persons) {
	}

	private record MemberRow(String applicationNumber, String name, String nameKana, String relationship, java.time.LocalDate birthDate,
			boolean isHead) {
	}

	/**
	 * Snapshot numbering is dense, so the {@code from}-th household's number starts with the programme's two
	 * digits and {@code from} in seven: a range read on the application-number index, not an OFFSET that would
	 * walk past every earlier household of a city of 700,000.
	 */
	private List<FormSheet> households(Programme programme, int from, int count) {
		String city = programme.municipality();
		String start = "%02d%07d".formatted(programme.ordinal(), Math.min(from, 9_999_999));
		var households = db.sql("""
				select application_number, postal_code, address, persons from benefit_household
				where tenant_id = ? and programme_id = ? and application_number >= ?
				order by application_number limit ?
				""").params(city, programme.id(), start, count).query(HouseholdRow.class).list();
		if (households.isEmpty()) {
			return List.of();
		}
		var members = db.sql("""
				select h.application_number, m.name, m.name_kana, m.relationship, m.birth_date, m.is_head
				from benefit_household h
				join benefit_member m on m.tenant_id = h.tenant_id and m.programme_id = h.programme_id and m.household_id = h.household_id
				where h.tenant_id = ? and h.programme_id = ? and h.application_number between ? and ?
				order by h.application_number, m.is_head desc, m.resident_id
				""").params(city, programme.id(), households.getFirst().applicationNumber(), households.getLast().applicationNumber())
			.query(MemberRow.class).list();
		var byNumber = new LinkedHashMap<String, List<FormSheet.Member>>();
		for (var m : members) {
			byNumber.computeIfAbsent(m.applicationNumber(), k -> new ArrayList<>())
				.add(FormSheet.Member.of(m.name(), m.nameKana(), m.relationship(), m.birthDate()));
		}
		return households.stream().map(h -> FormSheet.of(new ApplicationNumber(h.applicationNumber()), h.postalCode(), h.address(),
				byNumber.getOrDefault(h.applicationNumber(), List.of()), h.persons(), programme.amountPerPerson())).toList();
	}
}
