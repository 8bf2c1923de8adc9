package org.madoguchi.benefits;

import org.madoguchi.platform.ScopedTransactions;
import org.madoguchi.tenancy.Municipalities;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Opens the cases an intake left unopened (the application committed, then the node stopped before its cases did).
 * Cheap when there is nothing to do: the applications still waiting for a case are a small partial index.
 */
@Component
class ApplicationCaseSweep {

	private final JdbcClient db;
	private final Municipalities municipalities;
	private final ScopedTransactions transactions;
	private final ApplicationCases cases;

	ApplicationCaseSweep(JdbcClient db, Municipalities municipalities, ScopedTransactions transactions, ApplicationCases cases) {
		this.db = db;
		this.municipalities = municipalities;
		this.transactions = transactions;
		this.cases = cases;
	}

	@Scheduled(fixedDelayString = "${madoguchi.benefits.case-sweep-interval:PT15M}", initialDelayString = "${madoguchi.benefits.case-sweep-first:PT3M}")
	void everyFewMinutes() {
		for (var municipality : municipalities.all()) {
			var programmes = transactions.call(municipality.code(),
					() -> db.sql("select id from benefit_programme where tenant_id = ? order by ordinal").param(municipality.code())
						.query(String.class).list());
			programmes.forEach(p -> transactions.run(municipality.code(), () -> cases.openWaiting(municipality.code(), p)));
		}
	}
}
