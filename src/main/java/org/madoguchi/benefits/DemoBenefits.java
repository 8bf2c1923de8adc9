package org.madoguchi.benefits;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.madoguchi.platform.DemoData;
import org.madoguchi.platform.ScopedTransactions;
import org.madoguchi.platform.TenantScope;
import org.madoguchi.residents.Register;
import org.madoguchi.residents.RegisterImport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 神戸市's demo benefit: a generated register ({@link DemoRegister}), one programme open around today, its
 * snapshot, and a handful of applications through the real intake (a mailed file and online applications), so
 * the staff screens and the portal show something: mostly checked, one deficient (a branch that does not exist),
 * one suspected duplicate (an online application from a household that had mailed its form). Each step is
 * idempotent, and the applications are filed only while the programme has none, so restarts change nothing.
 */
@Component
@Order(30)
class DemoBenefits implements ApplicationRunner {

	static final String KOBE = "281000";
	static final String PROGRAMME = "bukka-r8";
	private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
	private static final Logger log = LoggerFactory.getLogger(DemoBenefits.class);

	private final DemoData demo;
	private final boolean wanted;
	private final JdbcClient db;
	private final ScopedTransactions transactions;
	private final Register register;
	private final RegisterImport registerImport;
	private final BenefitProgrammes programmes;
	private final BenefitApplications applications;
	private final OnlineApplications online;

	DemoBenefits(DemoData demo, @Value("${madoguchi.demo.benefits:true}") boolean wanted, JdbcClient db, ScopedTransactions transactions, Register register, RegisterImport registerImport,
			BenefitProgrammes programmes, BenefitApplications applications, OnlineApplications online) {
		this.demo = demo;
		this.wanted = wanted;
		this.db = db;
		this.transactions = transactions;
		this.register = register;
		this.registerImport = registerImport;
		this.programmes = programmes;
		this.applications = applications;
		this.online = online;
	}

	@Override
	public void run(ApplicationArguments args) {
		// the benchmark loads its own city into 神戸市 and wants the demo accounts without the demo register
		if (!demo.enabled() || !wanted) {
			return;
		}
		boolean registered;
		try (var scope = TenantScope.open(KOBE)) {
			registered = register.find(KOBE, DemoRegister.people().getFirst().residentId()).isPresent();
		}
		if (!registered) {
			var csv = new ByteArrayInputStream(DemoRegister.csv().getBytes(StandardCharsets.UTF_8));
			registerImport.run(KOBE, null, today(), csv);
		}
		Programme programme;
		try (var scope = TenantScope.open(KOBE)) {
			programme = programmes.find(KOBE, PROGRAMME).orElseGet(() -> programmes.create(KOBE, definition()).programme());
			programmes.snapshot(KOBE, PROGRAMME);
		}
		if (transactions.call(KOBE, () -> db.sql("select count(*) from benefit_application where tenant_id = ? and programme_id = ?")
			.params(KOBE, PROGRAMME).query(Long.class).single()) > 0) {
			return;
		}
		var numbers = transactions.call(KOBE, () -> db.sql("""
				select household_id, application_number from benefit_household where tenant_id = ? and programme_id = ?
				""").params(KOBE, PROGRAMME).query((row, n) -> Map.entry(row.getString(1), row.getString(2))).list()).stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		mail(programme, numbers);
		apply(12, numbers, "0009", "410", "1", "3141592", "demo-online-12");
		apply(13, numbers, "0005", "462", "1", "1414213", "demo-online-13");
		// household 3 mailed its form already: this one is held for a person as a suspected duplicate
		apply(3, numbers, "0001", "490", "1", "2718281", "demo-online-3");
		log.info("Demo benefit programme {} of {}: {} households, applications filed", PROGRAMME, KOBE, numbers.size());
	}

	/** 令和N年度 of a reference date three months back, open from a month after it to three months ahead. */
	private static NewProgramme definition() {
		LocalDate today = today();
		LocalDate reference = today.minusMonths(3).withDayOfMonth(1);
		int fiscalYear = reference.getMonthValue() >= 4 ? reference.getYear() : reference.getYear() - 1;
		String name = "令和" + (fiscalYear - 2018) + "年度 物価高騰対策給付金";
		var payer = new NewProgramme.PayerAccount("2810000001", "ｺｳﾍﾞｼ", "0009", "210", "1", "1234567");
		return new NewProgramme(PROGRAMME, name, reference, 30_000L, reference.plusMonths(1),
				today.plusMonths(3).withDayOfMonth(1).minusDays(1), false, payer);
	}

	/** The scanning vendor's file: ten good forms (one with a declining member) and one with a branch that does not exist. */
	private void mail(Programme programme, Map<String, String> numbers) {
		LocalDate received = programme.applicationStart().plusDays(10);
		if (received.isAfter(today())) {
			received = today();
		}
		var people = DemoRegister.people();
		var rows = new ArrayList<String>();
		rows.add(String.join(",", MailedRow.HEADER));
		for (int h = 1; h <= 11; h++) {
			var household = DemoRegister.householdId(h);
			var members = people.stream().filter(p -> p.householdId().equals(household)).toList();
			String declined = h == 2 && members.size() > 1 ? members.getLast().residentId() : "";
			String branch = h == 11 ? "999" : "453";
			rows.add(String.join(",", numbers.get(household), declined, "0005", branch, "1", "%07d".formatted(1_000_000 + h * 7919),
					members.getFirst().kana(), "078-331-%04d".formatted(8000 + h), received.toString()));
		}
		var body = new ByteArrayInputStream((String.join("\r\n", rows) + "\r\n").getBytes(StandardCharsets.UTF_8));
		try (var scope = TenantScope.open(KOBE)) {
			applications.importMailed(KOBE, PROGRAMME, "UTF-8", body);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** An online application by the household head, as the portal files it. */
	private void apply(int household, Map<String, String> numbers, String bank, String branch, String type, String account, String key) {
		var head = DemoRegister.people().stream().filter(p -> p.householdId().equals(DemoRegister.householdId(household))).findFirst()
			.orElseThrow();
		online.apply(new OnlineForm(KOBE, PROGRAMME, numbers.get(head.householdId()), head.birthDate().toString(), bank, branch, type,
				account, head.kana(), "090-1234-%04d".formatted(household), List.of(), key));
	}

	private static LocalDate today() {
		return LocalDate.now(TOKYO);
	}
}
