package org.madoguchi.benefits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.madoguchi.Api;
import org.madoguchi.MadoguchiTest;
import org.madoguchi.platform.ScopedTransactions;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What opening cases costs an intake: a vendor file of 10,000 deficient forms (every one a case) against the
 * same file clean (no case), and the bulk opening of the 10,000 cases on its own. The times are published in the
 * test's log and to JUnit's report entries.
 */
@MadoguchiTest
class BenefitCaseOpeningCostTest {

	static final int FORMS = 10_000;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient db;

	@Autowired
	ScopedTransactions transactions;

	@Autowired
	ApplicationCases applicationCases;

	@Test
	void tenThousandDeficientFormsOpenTenThousandCasesInOneBulk(TestReporter report) {
		var api = new Api(port);
		String prefix = "c" + Long.toString(System.nanoTime(), 36);
		var city = new BenefitCity(prefix, FORMS);
		city.register(api);
		String deficient = "p" + prefix;
		String clean = deficient + "k";

		long withCases = importTimed(api, city, deficient, "999");
		long withoutCases = importTimed(api, city, clean, "001");
		assertThat(casesOf(deficient)).isEqualTo(FORMS);
		assertThat(casesOf(clean)).isZero();

		// the bulk opening alone: the same 10,000 cases again, once the first ones are out of the way
		transactions.run(BenefitCity.OSAKA, () -> {
			db.sql("update case_file set closed_at = now() where tenant_id = ? and reference like ?")
				.params(BenefitCity.OSAKA, "benefit-application:" + deficient + ":%").update();
			db.sql("update benefit_application set case_number = null where tenant_id = ? and programme_id = ?")
				.params(BenefitCity.OSAKA, deficient).update();
		});
		long started = System.nanoTime();
		int opened = transactions.call(BenefitCity.OSAKA, () -> applicationCases.openWaiting(BenefitCity.OSAKA, deficient));
		long bulk = (System.nanoTime() - started) / 1_000_000;
		assertThat(opened).isEqualTo(FORMS);

		report.publishEntry(Map.of("import_10000_deficient_ms", Long.toString(withCases), "import_10000_clean_ms",
				Long.toString(withoutCases), "open_10000_cases_ms", Long.toString(bulk)));
		LoggerFactory.getLogger(BenefitCaseOpeningCostTest.class).info("{} forms: import with a case each {} ms, clean import {} ms, "
				+ "bulk opening of the cases alone {} ms", FORMS, withCases, withoutCases, bulk);
		assertThat(bulk).as("bulk opening of %d cases, ms", FORMS).isLessThan(60_000);
	}

	private long importTimed(Api api, BenefitCity city, String programme, String branch) {
		assertThat(api.post(BenefitCity.PROGRAMMES, api.token("admin"), BenefitCity.programme(programme, false)).status()).isEqualTo(201);
		api.post(BenefitCity.PROGRAMMES + "/" + programme + "/snapshot", api.token("admin"), null);
		var file = new StringBuilder(CashBenefitIntakeTest.FORM_HEADER + "\r\n");
		city.applicationNumbers(api, programme).values().forEach(number -> file.append(String.join(",", number, "", "0001", branch, "1",
				"1234567", "ｵｵｻｶ ﾀﾛｳ", "06-1234-5678", "2026-05-20")).append("\r\n"));
		long started = System.nanoTime();
		var imported = api.send("POST", BenefitCity.PROGRAMMES + "/" + programme + "/applications:import", api.token("osaka-clerk"),
				file.toString(), "en", Map.of("Content-Type", "text/csv"));
		long took = (System.nanoTime() - started) / 1_000_000;
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		assertThat(imported.json().get("created").asInt()).isEqualTo(FORMS);
		return took;
	}

	private long casesOf(String programme) {
		return transactions.call(BenefitCity.OSAKA, () -> db.sql("""
				select count(*) from case_file where tenant_id = ? and reference like ? and closed_at is null
				""").params(BenefitCity.OSAKA, "benefit-application:" + programme + ":%").query(Long.class).single());
	}
}
