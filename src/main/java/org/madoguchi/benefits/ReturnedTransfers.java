package org.madoguchi.benefits;

import org.madoguchi.payments.PaymentReturned;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A transfer the bank returned (account closed, name mismatch) puts its application back with the resident:
 * status "returned", with a deficiency asking for another account. Runs inside the import's transaction, so
 * the payment and the application change together or not at all. Once corrected, the application is
 * approved again and goes into a later batch.
 */
@Component
class ReturnedTransfers {

	private final JdbcClient db;
	private final ApplicationCases cases;

	ReturnedTransfers(JdbcClient db, ApplicationCases cases) {
		this.db = db;
		this.cases = cases;
	}

	@EventListener
	void on(PaymentReturned returned) {
		if (!returned.purpose().startsWith("benefit:")) {
			return;
		}
		String programme = returned.purpose().substring("benefit:".length());
		int reopened = db.sql("""
				update benefit_application
				set status = 'returned', returned_reason = ?, updated_at = now(),
				    problems = problems || '[{"path": "account", "code": "transfer_returned"}]'::jsonb
				where tenant_id = ? and programme_id = ? and application_number = ? and status in ('paid', 'scheduled')
				""").params(returned.reason() == null ? returned.resultCode() : returned.resultCode() + " " + returned.reason(),
				returned.municipality(), programme, returned.reference()).update();
		if (reopened > 0) {
			// the resident must give another account: a person follows it as a case, once the bank's file has committed
			cases.openAfterCommit(returned.municipality(), programme);
		}
	}
}
